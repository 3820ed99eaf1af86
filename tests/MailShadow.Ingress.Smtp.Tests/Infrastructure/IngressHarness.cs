using System.Net;
using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests.Infrastructure;

/// <summary>A real SqliteJournal in a temporary directory and a real ingress on 127.0.0.1:0 in front of it.</summary>
internal sealed class IngressHarness : IAsyncDisposable
{
    public const string AcceptedDomain = "example.test";
    public const string ServerName = "mx.example.test";

    private readonly ILoggerFactory _loggers;
    private bool _journalDisposed;

    private IngressHarness(string directory, SqliteJournal journal, SmtpIngressServer server, SiteTopology topology, ILoggerFactory loggers)
    {
        Directory = directory;
        Journal = journal;
        Server = server;
        Topology = topology;
        _loggers = loggers;
    }

    public string Directory { get; }

    public SqliteJournal Journal { get; }

    public SmtpIngressServer Server { get; }

    public SiteTopology Topology { get; }

    public IPEndPoint EndPoint => Server.LocalEndPoint!;

    /// <summary>Accepts <see cref="AcceptedDomain"/> on 127.0.0.1:0; STARTTLS off (key generation is slow) unless a test turns it on.</summary>
    public static SmtpIngressOptions DefaultOptions()
    {
        var options = new SmtpIngressOptions
        {
            Listen = "127.0.0.1:0",
            ServerName = ServerName,
            MaxMessageSize = 4 * 1024 * 1024,
            MaxHeaderSize = 256 * 1024,
            MaxRecipients = 5,
            MaxConnections = 20,
            CommandTimeout = TimeSpan.FromSeconds(30),
        };
        options.AcceptedDomains.Add(AcceptedDomain);
        return options;
    }

    public static SiteTopology DefaultTopology(string primarySmtp = "127.0.0.1:9", string standbySmtp = "127.0.0.1:9") =>
        new(new Dictionary<string, SiteOptions>
        {
            ["primary"] = new() { Smtp = primarySmtp, SmtpTls = "None", Http = "http://127.0.0.1:9" },
            ["standby"] = new() { Smtp = standbySmtp, SmtpTls = "None", Http = "http://127.0.0.1:9" },
        });

    public static async Task<IngressHarness> StartAsync(
        ITestOutputHelper output,
        Action<SmtpIngressOptions>? configure = null,
        SiteTopology? topology = null,
        IRoleSource? roles = null,
        TimeProvider? time = null,
        string? directory = null,
        LogLevel minimumLevel = LogLevel.Debug)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        var errors = new SmtpIngressOptionsValidator().Collect(options);
        Assert.False(errors.HasErrors, string.Join("; ", errors.Errors));

        directory ??= Path.Combine(Path.GetTempPath(), "mailshadow-ingress-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var loggers = TestOutputLoggerProvider.Factory(output, minimumLevel);
        time ??= TimeProvider.System;
        var journal = new SqliteJournal(new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") }, time, loggers.CreateLogger<SqliteJournal>());
        await journal.OpenAsync(CancellationToken.None);

        topology ??= DefaultTopology();
        roles ??= new StaticRoleSource(new RoleSnapshot(new SiteName("primary"), new SiteName("standby"), time.GetUtcNow()));
        var server = new SmtpIngressServer(options, journal, topology, roles, time, loggers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.StartAsync(timeout.Token);
        return new IngressHarness(directory, journal, server, topology, loggers);
    }

    public async Task<IReadOnlyList<TransactionRecord>> TransactionsAsync() => await Journal.ListRecentAsync(1000, CancellationToken.None);

    public async Task DisposeJournalAsync()
    {
        _journalDisposed = true;
        await Journal.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (!_journalDisposed)
        {
            await Journal.DisposeAsync();
        }

        _loggers.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled reader: the temp directory is cleaned up by the OS.
        }
    }
}
