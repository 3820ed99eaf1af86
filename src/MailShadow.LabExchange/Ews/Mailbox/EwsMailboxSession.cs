using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// One request's view of the store: resolves the folders and items a request names, enforcing that a caller reaches
/// only the mailbox it acts on (its own, or the impersonated one) — anything else is ErrorAccessDenied.
/// </summary>
internal sealed class EwsMailboxSession(LabStore store, EwsCallContext context)
{
    private readonly Dictionary<string, string?> _folderChangeKeys = new(StringComparer.Ordinal);
    private LabMailbox? _mailbox;
    private bool _mailboxLooked;

    public LabStore Store { get; } = store;

    public EwsCallContext Context { get; } = context;

    /// <summary>The mailbox the request acts on; null when the caller has none (a service account not impersonating).</summary>
    public LabMailbox? Mailbox
    {
        get
        {
            if (!_mailboxLooked)
            {
                _mailbox = Store.TryGetMailbox(Context.Mailbox, out var mailbox) ? mailbox : null;
                _mailboxLooked = true;
            }

            return _mailbox;
        }
    }

    public bool IsOwnMailbox(string address) => string.Equals(address, Context.Mailbox, StringComparison.OrdinalIgnoreCase);

    public EwsLookup<LabFolder> Folder(EwsFolderReference reference)
    {
        if (reference.DistinguishedName is { } name)
        {
            if (reference.MailboxAddress is { } address && !IsOwnMailbox(address))
            {
                return EwsLookup<LabFolder>.Fail(Store.TryGetMailbox(address, out _) ? EwsResponseCodes.ErrorAccessDenied : EwsResponseCodes.ErrorNonExistentMailbox);
            }

            if (Mailbox is not { } mailbox)
            {
                return EwsLookup<LabFolder>.Fail(reference.MailboxAddress is null ? EwsResponseCodes.ErrorMissingEmailAddress : EwsResponseCodes.ErrorNonExistentMailbox);
            }

            if (EwsRecoverableItems.IsName(name))
            {
                return EwsRecoverableItems.ByName(Store, mailbox, name) is { } recoverable
                    ? EwsLookup<LabFolder>.Of(recoverable)
                    : EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorFolderNotFound);
            }

            if (!LabDistinguishedFolders.TryParse(name, out var well))
            {
                return EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorFolderNotFound);
            }

            var distinguished = Store.GetDistinguishedFolder(mailbox.Address, well);
            return distinguished.Succeeded ? EwsLookup<LabFolder>.Of(distinguished.Value!) : EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorFolderNotFound);
        }

        var id = reference.Id ?? "";
        if (!LabIds.TryParse(id, out _, out var kind, out _) || kind != LabObjectKind.Folder)
        {
            return EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorInvalidIdMalformed);
        }

        if (reference.ChangeKey is { } changeKey && !EwsChangeKeys.IsWellFormed(changeKey))
        {
            return EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorInvalidChangeKey);
        }

        var folder = Store.GetFolder(id);
        if (!folder.Succeeded)
        {
            return EwsRecoverableItems.ById(Store, id) is { } recoverable
                ? IsOwnMailbox(recoverable.Mailbox) ? EwsLookup<LabFolder>.Of(recoverable) : EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorAccessDenied)
                : EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorFolderNotFound);
        }

        return IsOwnMailbox(folder.Value!.Mailbox) ? EwsLookup<LabFolder>.Of(folder.Value!) : EwsLookup<LabFolder>.Fail(EwsResponseCodes.ErrorAccessDenied);
    }

    public EwsLookup<LabItem> Item(EwsItemReference reference) => Item(reference.Id, reference.ChangeKey);

    public EwsLookup<LabItem> Item(string id, string? changeKey = null)
    {
        if (!LabIds.TryParse(id, out _, out var kind, out _) || kind != LabObjectKind.Item)
        {
            return EwsLookup<LabItem>.Fail(EwsResponseCodes.ErrorInvalidIdMalformed);
        }

        if (changeKey is not null && !EwsChangeKeys.IsWellFormed(changeKey))
        {
            return EwsLookup<LabItem>.Fail(EwsResponseCodes.ErrorInvalidChangeKey);
        }

        var item = Store.GetItem(id);
        if (!item.Succeeded)
        {
            return EwsLookup<LabItem>.Fail(EwsResponseCodes.ErrorItemNotFound);
        }

        return IsOwnMailbox(item.Value!.Mailbox) ? EwsLookup<LabItem>.Of(item.Value!) : EwsLookup<LabItem>.Fail(EwsResponseCodes.ErrorAccessDenied);
    }

    /// <summary>A well-known folder of the acting mailbox (Deleted Items for a move to trash, Sent Items for a send).</summary>
    public LabFolder? Distinguished(LabDistinguishedFolder folder) =>
        Mailbox is { } mailbox && Store.GetDistinguishedFolder(mailbox.Address, folder) is { Succeeded: true } found ? found.Value : null;

    /// <summary>The current change key of a folder (for ParentFolderId), cached for the request.</summary>
    public string? FolderChangeKey(string folderId)
    {
        if (!_folderChangeKeys.TryGetValue(folderId, out var changeKey))
        {
            changeKey = Store.GetFolder(folderId).Value?.ChangeKey;
            _folderChangeKeys[folderId] = changeKey;
        }

        return changeKey;
    }
}
