namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>Finds the repository (and the built executable) from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LabConfig => Path.Combine(Root, "config", "mailshadow.lab.json");

    /// <summary>The appliance executable, copied beside the tests by the project reference.</summary>
    public static string ApplianceDll => Path.Combine(AppContext.BaseDirectory, "mailshadow.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MailShadow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MailShadow.sln not found above {AppContext.BaseDirectory}.");
    }
}
