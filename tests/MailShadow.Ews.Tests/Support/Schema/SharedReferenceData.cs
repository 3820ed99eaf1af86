namespace MailShadow.Testing.EwsSchema;

/// <summary>
/// Finds the read-only reference data beside the repository: <c>../shared/&lt;name&gt;</c> relative to the folder that
/// holds <c>MailShadow.sln</c>, or the folder named by an environment variable. Fails with a message naming both.
/// Self-contained so other test projects can link this file.
/// </summary>
internal static class SharedReferenceData
{
    public static string SchemaDirectory => Locate("ews-schema", "MAILSHADOW_EWS_SCHEMA", "messages.xsd");

    public static string TracesDirectory => Locate("ews-traces", "MAILSHADOW_EWS_TRACES", "exchangelib");

    public static string Locate(string name, string environmentVariable, string mustContain)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Path.Exists(Path.Combine(fromEnvironment, mustContain)))
        {
            return fromEnvironment;
        }

        var repositoryRoot = FindRepositoryRoot();
        var beside = repositoryRoot is null ? null : Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", name));
        if (beside is not null && Path.Exists(Path.Combine(beside, mustContain)))
        {
            return beside;
        }

        throw new InvalidOperationException(
            $"The {name} reference data was not found. Looked for the environment variable {environmentVariable} " +
            $"(is '{fromEnvironment ?? "unset"}') and for ../shared/{name} beside the repository root holding MailShadow.sln " +
            $"(looked at '{beside ?? "no MailShadow.sln above " + AppContext.BaseDirectory}'); it must contain '{mustContain}'.");
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MailShadow.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
