using System.Net.Http.Headers;
using MailShadow.Admin.Client;
using MailShadow.Admin.Hosting;
using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests.Infrastructure;

/// <summary>
/// The admin API as the appliance composes it (a generic host, <c>AddAdminApi</c>) on 127.0.0.1:0, with the recording
/// service and a real SQLite reconciliation store in a temporary directory.
/// </summary>
public sealed class AdminHost : IAsyncDisposable
{
    public const string Token = "test-admin-token-0123456789";

    private readonly IHost _host;
    private readonly string _directory;
    private bool _disposed;

    private AdminHost(IHost host, string directory, CapturedLogs logs, RecordingReconciliationService service, SqliteReconciliationStore store)
    {
        _host = host;
        _directory = directory;
        Logs = logs;
        Service = service;
        Store = store;
        Address = host.Services.GetRequiredService<AdminApiServer>().Address!;
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public CapturedLogs Logs { get; }

    public RecordingReconciliationService Service { get; }

    public SqliteReconciliationStore Store { get; }

    /// <summary>A plain HTTP client without credentials.</summary>
    public HttpClient Http { get; }

    public static async Task<AdminHost> StartAsync(ITestOutputHelper? output, bool withService = true, Dictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("mailshadow-admin-").FullName;
        var logs = new CapturedLogs(output);
        var service = new RecordingReconciliationService();
        var store = new SqliteReconciliationStore(
            new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") },
            TimeProvider.System,
            NullLogger<SqliteReconciliationStore>.Instance);
        await store.OpenAsync(CancellationToken.None);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["MailShadow:Admin:Listen"] = "http://127.0.0.1:0",
            ["MailShadow:Admin:Token"] = Token,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        if (withService)
        {
            builder.Services.AddSingleton<IReconciliationService>(service);
            builder.Services.AddSingleton<IReconciliationStore>(store);
        }

        builder.Services.AddAdminApi(builder.Configuration);
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            await store.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new AdminHost(host, directory, logs, service, store);
    }

    /// <summary>A typed client with the right token (or <paramref name="token"/>).</summary>
    public AdminApiClient Client(string token = Token) => new(Http, Address, token);

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = Token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _host.StopAsync(timeout.Token);
        }

        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
