namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// Finds the shared reference data the tests read in place (never copied into the repository): the EWS schema and
/// the recorded exchangelib traffic, beside the repository root (the directory holding MailShadow.sln).
/// </summary>
internal static class SharedPaths
{
    public const string SchemaVariable = "MAILSHADOW_EWS_SCHEMA";
    public const string TracesVariable = "MAILSHADOW_EWS_TRACES";

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The schema directory; fails naming both places it looked.</summary>
    public static string SchemaDirectory => Locate(SchemaVariable, Path.Combine("..", "shared", "ews-schema"), "messages.xsd");

    public static string TraceDirectory => Locate(TracesVariable, Path.Combine("..", "shared", "ews-traces", "exchangelib"), "requests.tsv");

    private static string Locate(string variable, string relative, string marker)
    {
        var fromVariable = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(fromVariable) && File.Exists(Path.Combine(fromVariable, marker)))
        {
            return fromVariable;
        }

        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, relative));
        if (File.Exists(Path.Combine(beside, marker)))
        {
            return beside;
        }

        throw new InvalidOperationException(
            $"{marker} not found: looked in ${variable} ('{fromVariable ?? "unset"}') and in '{beside}' (../{relative.Replace('\\', '/').Replace("../", "", StringComparison.Ordinal)} from the repository root).");
    }

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
