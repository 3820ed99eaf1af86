using System.CommandLine;
using MailShadow.Cli;

namespace MailShadow.Admin.Tests.Infrastructure;

/// <summary>Runs <c>mailshadow reconcile …</c> in-process, through the real command line parser, capturing both streams.</summary>
public sealed class CliRun
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public CliRun()
    {
        Output = TextWriter.Synchronized(_output);
        Error = TextWriter.Synchronized(_error);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public string Stdout
    {
        get
        {
            lock (Output)
            {
                return _output.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (Error)
            {
                return _error.ToString();
            }
        }
    }

    public async Task<int> InvokeAsync(TimeProvider? time, params string[] args)
    {
        var root = new RootCommand("test") { ReconcileCommand.Create(time) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await root.Parse(["reconcile", .. args]).InvokeAsync(new InvocationConfiguration { Output = Output, Error = Error }, timeout.Token);
    }

    /// <summary>A configuration file with just the admin section (or none when <paramref name="listen"/> is null).</summary>
    public static string WriteConfig(string directory, string? listen, string token = AdminHost.Token)
    {
        var path = Path.Combine(directory, $"mailshadow-{Guid.NewGuid():N}.json");
        var admin = listen is null ? "" : $$""", "Admin": { "Listen": "{{listen}}", "Token": "{{token}}" }""";
        File.WriteAllText(path, $$"""{ "MailShadow": { "DataDirectory": "data"{{admin}} } }""");
        return path;
    }
}
