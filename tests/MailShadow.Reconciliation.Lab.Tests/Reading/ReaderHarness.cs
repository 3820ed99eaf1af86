using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailKit.Net.Smtp;
using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.Model;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Reading;
using MimeKit;

namespace MailShadow.Reconciliation.Lab.Tests.Reading;

/// <summary>
/// Alice's mailbox on two real lab sites (primary active, standby passive), the snapshot reader, and the sync states a
/// caller would store between passes (every returned update applied, as after a journaled pass).
/// </summary>
internal sealed class ReaderHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    private ReaderHarness(TwoSites sites)
    {
        Sites = sites;
        Active = sites.Client(TwoSites.PrimarySite, TwoSites.Alice);
        Passive = sites.Client(TwoSites.StandbySite, TwoSites.Alice);
    }

    public TwoSites Sites { get; }

    public EwsClient Active { get; }

    public EwsClient Passive { get; }

    public Dictionary<string, string> ActiveStates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> PassiveStates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> KnownFolderPairs { get; } = new(StringComparer.Ordinal);

    public MailboxSnapshotReader Reader { get; } = new();

    public CancellationToken Token => _timeout.Token;

    public static async Task<ReaderHarness> StartAsync() => new(await TwoSites.StartAsync());

    /// <summary>Reads both sites with the stored states, then stores the states the read returned.</summary>
    public async Task<SnapshotRead> ReadAsync(bool full = false, IProgress<ReadProgress>? progress = null)
    {
        var read = await Reader.ReadAsync(new SnapshotRequest(TwoSites.Alice, new SnapshotSite(TwoSites.PrimarySite, Active), new SnapshotSite(TwoSites.StandbySite, Passive))
        {
            ActiveSyncStates = new Dictionary<string, string>(ActiveStates),
            PassiveSyncStates = new Dictionary<string, string>(PassiveStates),
            KnownFolderPairs = new Dictionary<string, string>(KnownFolderPairs),
            Full = full,
        }, progress, Token);
        foreach (var update in read.SyncStates)
        {
            var states = update.Site == TwoSites.PrimarySite ? ActiveStates : PassiveStates;
            if (update.State is null)
            {
                states.Remove(update.FolderKey);
            }
            else
            {
                states[update.FolderKey] = update.State;
            }
        }

        return read;
    }

    public EwsClient Client(SiteName site) => site == TwoSites.PrimarySite ? Active : Passive;

    public async Task<string> FolderIdAsync(EwsClient client, DistinguishedFolderId folder) =>
        (await client.GetFolderAsync(new GetFolderRequest([folder]) { Shape = FolderShape.IdOnly }, Token)).Single().GetValueOrThrow().Id!.Id;

    public async Task<string> CreateFolderAsync(EwsClient client, string name, FolderIdentifier? parent = null) =>
        (await client.CreateFolderAsync(new CreateFolderRequest(parent ?? DistinguishedFolderId.MsgFolderRoot, [new NewFolder { DisplayName = name, FolderClass = "IPF.Note" }]), Token))
            .Single().GetValueOrThrow().Id;

    /// <summary>Saves messages into a folder with CreateItem, as a client or the appliance would; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> CreateItemsAsync(EwsClient client, FolderIdentifier folder, params NewItem[] items) =>
        [.. (await client.CreateItemAsync(new CreateItemRequest(items) { SavedItemFolderId = folder, MessageDisposition = MessageDisposition.SaveOnly }, Token))
            .Select(result => result.GetValueOrThrow().Id)];

    public async Task UpdateAsync(EwsClient client, string itemId, params ItemFieldChange[] changes)
    {
        var results = await client.UpdateItemAsync(new UpdateItemRequest([new ItemUpdate(new ItemId(itemId), changes)]) { ConflictResolution = ConflictResolution.AlwaysOverwrite }, Token);
        results.Single().EnsureSuccess();
    }

    public async Task<string> MoveAsync(EwsClient client, string itemId, string folderId) =>
        (await client.MoveItemAsync(new MoveItemRequest(new FolderId(folderId), [new ItemId(itemId)]), Token)).Single().GetValueOrThrow().Id;

    /// <summary>Delivers messages to Alice on a site through the site's own SMTP listener.</summary>
    public async Task SendAsync(SiteName site, params byte[][] messages)
    {
        using var smtp = new SmtpClient { Timeout = 20_000 };
        await smtp.ConnectAsync("127.0.0.1", Sites.Server(site).SmtpPort, MailKit.Security.SecureSocketOptions.None, Token);
        foreach (var bytes in messages)
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(bytes), Token);
            await smtp.SendAsync(message, Token);
        }

        await smtp.DisconnectAsync(quit: true, Token);
    }

    /// <summary>A small message; with <paramref name="transaction"/> it carries the appliance's transaction header.</summary>
    public static byte[] Mime(string messageId, string subject, TransactionId? transaction = null) => Encoding.ASCII.GetBytes(
        (transaction is { } tx ? $"{TraceHeaders.TransactionId}: {tx}\r\n" : "") +
        $"From: Sender <sender@example.org>\r\nTo: {TwoSites.Alice}\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\n" +
        "Date: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" +
        $"Body of {subject}.\r\n");

    public static NewItem Item(string messageId, string subject, TransactionId? transaction = null, string? stamp = null) => new()
    {
        MimeContent = Mime(messageId, subject, transaction),
        ExtendedProperties = stamp is null ? [] : [new ExtendedProperty(ReconciliationProperties.CorrelationStamp, stamp)],
    };

    /// <summary>Injects EWS faults into a site through its admin API (empty to clear them).</summary>
    public async Task SetFaultsAsync(SiteName site, params EwsFaultRule[] rules)
    {
        using var admin = new HttpClient { BaseAddress = Sites.Server(site).HttpAddress, Timeout = TimeSpan.FromSeconds(20) };
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        using var response = await admin.PostAsJsonAsync("lab/faults/ews", new EwsFaultSet { Rules = rules }, options, Token);
        Assert.True(response.IsSuccessStatusCode, $"POST /lab/faults/ews: {(int)response.StatusCode}");
    }

    public static TransactionId Tx(int n) => new(new Guid(n, 0x4d53, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, 2));

    public async ValueTask DisposeAsync()
    {
        _timeout.Dispose();
        await Sites.DisposeAsync();
    }
}
