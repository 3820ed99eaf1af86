namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>Third-party SMTP clients from Debian packages, which ./test.sh installs.</summary>
internal static class Tools
{
    public static string Swaks => Find("swaks", "/usr/bin/swaks", "swaks (Debian package swaks)");

    public static string SmtpSource => Find("smtp-source", "/usr/sbin/smtp-source", "smtp-source (Debian package postfix)");

    private static string Find(string name, string usual, string what)
    {
        if (File.Exists(usual))
        {
            return usual;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{what} is not installed; ./test.sh installs it.");
    }
}
