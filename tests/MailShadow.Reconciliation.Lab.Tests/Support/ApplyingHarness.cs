using System.Net.Http.Json;
using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.Model;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Repairs;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>
/// Two lab sites (primary active, standby passive), a real SQLite journal and reconciliation store in a temporary
/// directory, and a <see cref="RepairApplier"/> over them; helpers put mail and folders into a site over EWS or SMTP
/// and read them back.
/// </summary>
internal sealed class ApplyingHarness : IAsyncDisposable
{
    public static readonly SiteName Active = TwoSites.PrimarySite;
    public static readonly SiteName Passive = TwoSites.StandbySite;

    private readonly string _directory;
    private readonly ExchangeVersion _standbyVersion;
    private readonly Dictionary<(SiteName, string), EwsClient> _clients = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private ApplyingHarness(TwoSites sites, string directory, SqliteJournal journal, SqliteReconciliationStore store, ILoggerFactory loggers, ExchangeVersion standbyVersion)
    {
        _standbyVersion = standbyVersion;
        Sites = sites;
        _directory = directory;
        Journal = journal;
        Store = store;
        Loggers = loggers;
        Applier = new RepairApplier(store, loggers.CreateLogger<RepairApplier>());
    }

    public TwoSites Sites { get; }

    public SqliteJournal Journal { get; private set; }

    public SqliteReconciliationStore Store { get; }

    public ILoggerFactory Loggers { get; }

    public RepairApplier Applier { get; }

    public string JournalPath => Path.Combine(_directory, "journal.db");

    public static async Task<ApplyingHarness> StartAsync(ITestOutputHelper output, string standbyVersion = "Exchange2016", LogLevel minimumLevel = LogLevel.Debug)
    {
        var loggers = TestOutputLoggerProvider.Factory(output, minimumLevel);
        var sites = await TwoSites.StartAsync(standbyVersion: standbyVersion);
        var directory = Path.Combine(Path.GetTempPath(), "mailshadow-applier-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") };
        var journal = new SqliteJournal(options, TimeProvider.System, loggers.CreateLogger<SqliteJournal>());
        var store = new SqliteReconciliationStore(options, TimeProvider.System, loggers.CreateLogger<SqliteReconciliationStore>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await journal.OpenAsync(timeout.Token);
        await store.OpenAsync(timeout.Token);
        return new ApplyingHarness(sites, directory, journal, store, loggers, Enum.Parse<ExchangeVersion>(standbyVersion));
    }

    /// <summary>The service account's client on a site, impersonating the mailbox, speaking the site's version.</summary>
    /// <summary>Closes the journal and opens it again, as after a crash: work left InFlight becomes ambiguous Pending.</summary>
    public async Task ReopenJournalAsync(CancellationToken cancellationToken)
    {
        await Journal.DisposeAsync();
        Journal = new SqliteJournal(new SqliteJournalOptions { Path = JournalPath }, TimeProvider.System, Loggers.CreateLogger<SqliteJournal>());
        await Journal.OpenAsync(cancellationToken);
    }

    public EwsClient Client(SiteName site, string mailbox = TwoSites.Alice)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue((site, mailbox), out var client))
            {
                var version = site == Passive ? _standbyVersion : ExchangeVersion.Exchange2016;
                client = Sites.Client(site, mailbox, options => options.RequestServerVersion = version);
                _clients[(site, mailbox)] = client;
            }

            return client;
        }
    }

    public RepairContext Context(Repair repair, bool ambiguous = false, string mailbox = TwoSites.Alice, int attempt = 1) =>
        new(mailbox, repair, Active, Client(Active, mailbox), Passive, Client(Passive, mailbox), ambiguous) { Attempt = attempt };

    public Task<RepairOutcome> ApplyAsync(Repair repair, CancellationToken cancellationToken, bool ambiguous = false, int attempt = 1) =>
        Applier.ApplyAsync(Context(repair, ambiguous, attempt: attempt), cancellationToken);

    public async Task<string> FolderIdAsync(SiteName site, string distinguishedName, CancellationToken cancellationToken, string mailbox = TwoSites.Alice)
    {
        var result = (await Client(site, mailbox).GetFolderAsync(new GetFolderRequest([new DistinguishedFolderId(distinguishedName)]) { Shape = FolderShape.IdOnly }, cancellationToken))[0];
        return result.GetValueOrThrow().Id!.Id;
    }

    public async Task<string> CreateFolderAsync(SiteName site, string parentId, string name, CancellationToken cancellationToken, string mailbox = TwoSites.Alice)
    {
        var result = (await Client(site, mailbox).CreateFolderAsync(
            new CreateFolderRequest(new FolderId(parentId), [new NewFolder { DisplayName = name, FolderClass = "IPF.Note" }]), cancellationToken))[0];
        return result.GetValueOrThrow().Id;
    }

    public async Task<EwsFolder?> GetFolderAsync(SiteName site, string folderId, CancellationToken cancellationToken, string mailbox = TwoSites.Alice)
    {
        var result = (await Client(site, mailbox).GetFolderAsync(
            new GetFolderRequest([new FolderId(folderId)]) { Shape = FolderShape.With(FieldUri.FolderParentFolderId, FieldUri.FolderDisplayName, FieldUri.FolderTotalCount) }, cancellationToken))[0];
        return result.IsSuccess ? result.Value : null;
    }

    /// <summary>Saves a received (not draft) message in a folder over EWS, as an IMAP gateway appends mail.</summary>
    public async Task<string> PutMessageAsync(
        SiteName site, string folderId, byte[] mime, CancellationToken cancellationToken, string mailbox = TwoSites.Alice, bool isRead = false, string? stamp = null, DateTimeOffset? received = null)
    {
        var properties = new List<ExtendedProperty> { ExtendedProperty.Of(ExtendedPropertyPath.Tagged(0x0E07, MapiPropertyType.Integer), isRead ? 1 : 0) };
        if (received is { } time)
        {
            properties.Add(ExtendedProperty.Of(ExtendedPropertyPath.Tagged(0x0E06, MapiPropertyType.SystemTime), time));
        }

        if (stamp is not null)
        {
            properties.Add(new ExtendedProperty(ReconciliationProperties.CorrelationStamp, stamp));
        }

        var result = (await Client(site, mailbox).CreateItemAsync(
            new CreateItemRequest([new NewItem { MimeContent = mime, ExtendedProperties = properties }]) { SavedItemFolderId = new FolderId(folderId) }, cancellationToken))[0];
        return result.GetValueOrThrow().Id;
    }

    /// <summary>Every item of a folder, with the given properties.</summary>
    public async Task<IReadOnlyList<EwsItem>> ItemsAsync(SiteName site, string folderId, CancellationToken cancellationToken, ItemShape? shape = null, string mailbox = TwoSites.Alice)
    {
        var items = new List<EwsItem>();
        await foreach (var item in Client(site, mailbox).FindAllItemsAsync(new FindItemRequest(new FolderId(folderId)) { Shape = shape ?? ItemShape.IdOnly }, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public async Task<EwsResult<EwsItem>> GetItemAsync(SiteName site, string itemId, ItemShape shape, CancellationToken cancellationToken, string mailbox = TwoSites.Alice) =>
        (await Client(site, mailbox).GetItemAsync(new GetItemRequest([new ItemId(itemId)]) { Shape = shape }, cancellationToken))[0];

    /// <summary>Records in the id map that two folders are one (as a pass does for the folders it paired).</summary>
    public Task PairFoldersAsync(string key, string activeId, string passiveId, CancellationToken cancellationToken, string mailbox = TwoSites.Alice) =>
        Store.PutIdMapAsync(new IdMapEntry(mailbox, IdMapKind.Folder, key, [new SiteObjectId(Active, activeId), new SiteObjectId(Passive, passiveId)]), cancellationToken);

    /// <summary>Replaces the site's EWS fault rules (<c>POST /lab/faults/ews</c>).</summary>
    public async Task SetFaultsAsync(SiteName site, object rules, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(Sites.Server(site).HttpAddress, "lab/faults/ews"), new { rules }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync(SiteName site, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri(Sites.Server(site).HttpAddress, "lab/faults/ews"), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Store.DisposeAsync();
        await Journal.DisposeAsync();
        await Sites.DisposeAsync();
        Loggers.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
    }
}
