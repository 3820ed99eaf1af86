namespace MailShadow.Cli;

/// <summary>Process exit codes (sysexits-style where one fits).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>EX_CONFIG: the configuration is missing or invalid.</summary>
    public const int ConfigurationError = 78;
}
