using System.Globalization;
using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>
/// One user's mailbox on one lab site, reached over that site's own EWS as the user (Basic auth): how a test changes a
/// mailbox behind MailShadow's back, as Outlook over MAPI or a phone over ActiveSync would, and reads it back.
/// </summary>
internal sealed class SiteMailbox : IDisposable
{
    private const string Password = "Passw0rd!";

    private readonly EwsClient _client;

    public SiteMailbox(int httpPort, string address)
    {
        Address = address;
        _client = new EwsClient(new EwsClientOptions
        {
            Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/EWS/Exchange.asmx"),
            UserName = address,
            Password = Password,
            RequestTimeout = TimeSpan.FromSeconds(30),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    public string Address { get; }

    public EwsClient Client => _client;

    /// <summary>Every folder under the message root, by path (<c>/Inbox/Projects</c>).</summary>
    public async Task<IReadOnlyDictionary<string, EwsFolder>> FoldersAsync()
    {
        var root = (await _client.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.MsgFolderRoot])))[0].GetValueOrThrow();
        var folders = new List<EwsFolder>();
        await foreach (var folder in _client.FindAllFoldersAsync(new FindFolderRequest(DistinguishedFolderId.MsgFolderRoot) { Traversal = FolderTraversal.Deep }))
        {
            folders.Add(folder);
        }

        var byId = folders.ToDictionary(folder => folder.Id!.Id);
        var paths = new Dictionary<string, EwsFolder>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var path = "/" + folder.DisplayName;
            var parent = folder.ParentFolderId?.Id;
            for (var depth = 0; parent is not null && parent != root.Id!.Id && depth < 64; depth++)
            {
                var up = byId[parent];
                path = "/" + up.DisplayName + path;
                parent = up.ParentFolderId?.Id;
            }

            paths[path] = folder;
        }

        return paths;
    }

    public async Task<FolderId> FolderAsync(string path) =>
        (await FoldersAsync()).TryGetValue(path, out var folder) ? folder.Id! : throw new InvalidOperationException($"{Address} has no folder {path}.");

    public async Task<FolderId> CreateFolderAsync(FolderIdentifier parent, string name)
    {
        var created = await _client.CreateFolderAsync(new CreateFolderRequest(parent, [new NewFolder { DisplayName = name, FolderClass = "IPF.Note" }]));
        return created[0].GetValueOrThrow();
    }

    /// <summary>Every item of a folder with what reconciliation keeps equal.</summary>
    public async Task<IReadOnlyList<EwsItem>> ItemsAsync(FolderIdentifier folder)
    {
        var items = new List<EwsItem>();
        var shape = ItemShape.With(FieldUri.Subject, FieldUri.InternetMessageId, FieldUri.IsRead, FieldUri.Flag, FieldUri.Categories, FieldUri.Importance, FieldUri.DateTimeReceived, FieldUri.Size);
        await foreach (var item in _client.FindAllItemsAsync(new FindItemRequest(folder) { Shape = shape }))
        {
            items.Add(item);
        }

        return items;
    }

    public async Task<EwsItem> ItemBySubjectAsync(FolderIdentifier folder, string subject) =>
        (await ItemsAsync(folder)).Single(item => item.Subject == subject);

    public async Task UpdateAsync(ItemId item, params ItemFieldChange[] changes)
    {
        var result = await _client.UpdateItemAsync(new UpdateItemRequest([new ItemUpdate(item, changes)]) { ConflictResolution = ConflictResolution.AlwaysOverwrite });
        result[0].EnsureSuccess();
    }

    public async Task MoveAsync(ItemId item, FolderIdentifier to) =>
        (await _client.MoveItemAsync(new MoveItemRequest(to, [item])))[0].EnsureSuccess();

    public async Task DeleteAsync(IReadOnlyList<ItemId> items)
    {
        foreach (var chunk in items.Chunk(100))
        {
            foreach (var result in await _client.DeleteItemAsync(new DeleteItemRequest(chunk, DeleteType.SoftDelete)))
            {
                result.EnsureSuccess();
            }
        }
    }

    /// <summary>Saves raw MIME as a received message in <paramref name="folder"/> (how a restore or an import adds mail).</summary>
    public async Task<ItemId> ImportAsync(FolderIdentifier folder, byte[] mime)
    {
        var created = await _client.CreateItemAsync(new CreateItemRequest([new NewItem { MimeContent = mime }]) { SavedItemFolderId = folder });
        return created[0].GetValueOrThrow();
    }

    public void Dispose() => _client.Dispose();
}
