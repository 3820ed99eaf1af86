using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Planning;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Finds the passive counterpart of an active folder: through the id map (which also holds folders created earlier in
/// the same plan), else — for the root and the well-known folders, which pair by distinguished name whatever their ids
/// — through the distinguished ids on both sites, recording what it found.
/// </summary>
internal sealed class PassiveFolders(IReconciliationStore store)
{
    private static readonly string[] _wellKnown =
    [
        DistinguishedFolderNames.MsgFolderRoot,
        DistinguishedFolderNames.Inbox,
        DistinguishedFolderNames.Drafts,
        DistinguishedFolderNames.SentItems,
        DistinguishedFolderNames.DeletedItems,
        DistinguishedFolderNames.JunkEmail,
        DistinguishedFolderNames.Outbox,
    ];

    /// <summary>The passive folder id, or null when neither the id map nor the distinguished folders know it.</summary>
    public async Task<string?> FindAsync(RepairContext context, string activeFolderId, CancellationToken cancellationToken)
    {
        var entry = await store.FindIdMapEntryAsync(context.Mailbox, IdMapKind.Folder, context.Source, activeFolderId, cancellationToken);
        if (entry?.IdOn(context.Target) is { } known)
        {
            return known;
        }

        var active = await context.SourceClient.GetFolderAsync(
            new GetFolderRequest([.. _wellKnown.Select(name => (FolderIdentifier)new DistinguishedFolderId(name))]) { Shape = FolderShape.IdOnly },
            cancellationToken);
        string? name = null;
        for (var i = 0; i < active.Count && i < _wellKnown.Length; i++)
        {
            if (active[i].IsSuccess && string.Equals(active[i].Value?.Id?.Id, activeFolderId, StringComparison.Ordinal))
            {
                name = _wellKnown[i];
                break;
            }
        }

        if (name is null)
        {
            return null;
        }

        var passive = (await context.TargetClient.GetFolderAsync(
            new GetFolderRequest([new DistinguishedFolderId(name)]) { Shape = FolderShape.IdOnly }, cancellationToken))[0];
        if (passive.Value?.Id?.Id is not { } passiveId)
        {
            return null;
        }

        var key = name == DistinguishedFolderNames.MsgFolderRoot ? FolderMatcher.RootKey : FolderMatcher.WellKnownPrefix + name;
        await store.PutIdMapAsync(
            new IdMapEntry(context.Mailbox, IdMapKind.Folder, key, [new SiteObjectId(context.Source, activeFolderId), new SiteObjectId(context.Target, passiveId)]),
            cancellationToken);
        return passiveId;
    }
}
