using System.CommandLine;

namespace MailShadow.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Config(bool required) => new("--config", "-c")
    {
        Description = "The JSON configuration file (see config/mailshadow.json).",
        Required = required,
    };

    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "Where state lives (journal, lab mailboxes); overrides the configured DataDirectory.",
    };
}
