using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Applying;

public sealed partial class RepairApplier
{
    private static readonly FolderShape _parentShape = FolderShape.With(FieldUri.FolderParentFolderId, FieldUri.FolderDisplayName);

    private async Task<RepairOutcome> CreateFolderAsync(RepairContext context, CreateFolderRepair repair, CancellationToken cancellationToken)
    {
        var key = FolderMatcher.PathPrefix + repair.Path;

        // Created by an earlier attempt whose outcome was recorded in the id map but not in the journal.
        var known = await _store.FindIdMapEntryAsync(context.Mailbox, IdMapKind.Folder, context.Source, repair.ActiveFolderId, cancellationToken);
        if (known?.IdOn(context.Target) is { } knownId && await GetFolderAsync(context.TargetClient, knownId, cancellationToken) is not null)
        {
            return RepairOutcome.Applied(reason: "the folder exists already (id map)");
        }

        var parentId = await _folders.FindAsync(context, repair.ActiveParentId, cancellationToken);
        if (parentId is null)
        {
            return UnknownFolder(context, repair.ActiveParentId, ParentPath(repair.Path));
        }

        if (context.Ambiguous && await FindChildAsync(context.TargetClient, parentId, repair.DisplayName, cancellationToken) is { } made)
        {
            await PutAsync(context, IdMapKind.Folder, key, repair.ActiveFolderId, made, cancellationToken);
            return RepairOutcome.Applied(reason: "an earlier attempt created the folder");
        }

        var folder = new NewFolder { DisplayName = repair.DisplayName, FolderClass = string.IsNullOrEmpty(repair.FolderClass) ? null : repair.FolderClass };
        var result = (await context.TargetClient.CreateFolderAsync(new CreateFolderRequest(new FolderId(parentId), [folder]), cancellationToken))[0];
        if (!result.IsSuccess)
        {
            return result.ResponseCode == EwsResponseCodes.ErrorFolderNotFound
                ? RepairOutcome.Skipped($"the passive parent folder of {repair.Path} is gone")
                : FromError(result, "CreateFolder", mutating: true);
        }

        await PutAsync(context, IdMapKind.Folder, key, repair.ActiveFolderId, result.GetValueOrThrow().Id, cancellationToken);
        return RepairOutcome.Applied();
    }

    private async Task<RepairOutcome> RenameFolderAsync(RepairContext context, RenameFolderRepair repair, CancellationToken cancellationToken)
    {
        // Setting a name is idempotent: an ambiguous earlier attempt needs no check.
        var update = new FolderUpdate(new FolderId(repair.PassiveFolderId), [FolderFieldChange.SetDisplayName(repair.NewName)]);
        var result = (await context.TargetClient.UpdateFolderAsync(new UpdateFolderRequest([update]), cancellationToken))[0];
        if (!result.IsSuccess)
        {
            return result.ResponseCode == EwsResponseCodes.ErrorFolderNotFound
                ? RepairOutcome.Skipped($"the passive folder {repair.Path} is gone")
                : FromError(result, "UpdateFolder", mutating: true);
        }

        await PutAsync(context, IdMapKind.Folder, FolderMatcher.PathPrefix + repair.Path, repair.ActiveFolderId, repair.PassiveFolderId, cancellationToken);
        return RepairOutcome.Applied();
    }

    private async Task<RepairOutcome> MoveFolderAsync(RepairContext context, MoveFolderRepair repair, CancellationToken cancellationToken)
    {
        var destination = await _folders.FindAsync(context, repair.ActiveParentId, cancellationToken);
        if (destination is null)
        {
            return UnknownFolder(context, repair.ActiveParentId, ParentPath(repair.ToPath));
        }

        var key = FolderMatcher.PathPrefix + repair.ToPath;
        if (context.Ambiguous)
        {
            var current = await GetFolderAsync(context.TargetClient, repair.PassiveFolderId, cancellationToken);
            if (current is null)
            {
                return RepairOutcome.Skipped($"the passive folder {repair.FromPath} is gone");
            }

            if (current.ParentFolderId?.Id == destination)
            {
                await PutAsync(context, IdMapKind.Folder, key, repair.ActiveFolderId, repair.PassiveFolderId, cancellationToken);
                return RepairOutcome.Applied(reason: "an earlier attempt moved the folder");
            }
        }

        var result = (await context.TargetClient.MoveFolderAsync(
            new MoveFolderRequest(new FolderId(destination), [new FolderId(repair.PassiveFolderId)]), cancellationToken))[0];
        if (!result.IsSuccess)
        {
            if (result.ResponseCode != EwsResponseCodes.ErrorFolderNotFound)
            {
                return FromError(result, "MoveFolder", mutating: true);
            }

            return await GetFolderAsync(context.TargetClient, repair.PassiveFolderId, cancellationToken) is null
                ? RepairOutcome.Skipped($"the passive folder {repair.FromPath} is gone")
                : RepairOutcome.Skipped($"the passive destination of {repair.ToPath} is gone");
        }

        // A moved folder keeps its id on Exchange; should a server answer with another, that one is recorded.
        await PutAsync(context, IdMapKind.Folder, key, repair.ActiveFolderId, result.Value?.Id ?? repair.PassiveFolderId, cancellationToken);
        return RepairOutcome.Applied();
    }

    private async Task<RepairOutcome> DeleteFolderAsync(RepairContext context, DeleteFolderRepair repair, CancellationToken cancellationToken)
    {
        if (context.Ambiguous && await GetFolderAsync(context.TargetClient, repair.PassiveFolderId, cancellationToken) is null)
        {
            await RemoveAsync(context, IdMapKind.Folder, repair.PassiveFolderId, cancellationToken);
            return RepairOutcome.Applied(reason: "an earlier attempt removed the folder");
        }

        // Soft, like the item deletes: recoverable on the server (Recoverable Items), and not left in the passive
        // side's Deleted Items, where it would be a difference of its own.
        var result = (await context.TargetClient.DeleteFolderAsync(
            new DeleteFolderRequest([new FolderId(repair.PassiveFolderId)], DeleteType.SoftDelete), cancellationToken))[0];
        if (!result.IsSuccess)
        {
            return result.ResponseCode == EwsResponseCodes.ErrorFolderNotFound
                ? RepairOutcome.Skipped($"the passive folder {repair.Path} is gone")
                : FromError(result, "DeleteFolder", mutating: true);
        }

        await RemoveAsync(context, IdMapKind.Folder, repair.PassiveFolderId, cancellationToken);
        return RepairOutcome.Applied();
    }

    /// <summary>The folder with its parent and name, or null when the server has no such folder.</summary>
    private static async Task<EwsFolder?> GetFolderAsync(EwsClient client, string folderId, CancellationToken cancellationToken)
    {
        var result = (await client.GetFolderAsync(new GetFolderRequest([new FolderId(folderId)]) { Shape = _parentShape }, cancellationToken))[0];
        if (result.IsSuccess)
        {
            return result.Value;
        }

        if (IsNotFound(result) || result.ResponseCode == EwsResponseCodes.ErrorInvalidIdMalformed)
        {
            return null;
        }

        throw new EwsResponseException(result);
    }

    /// <summary>The id of the child of <paramref name="parentId"/> named <paramref name="name"/> (as Exchange compares names), or null.</summary>
    private static async Task<string?> FindChildAsync(EwsClient client, string parentId, string name, CancellationToken cancellationToken)
    {
        var request = new FindFolderRequest(new FolderId(parentId)) { Shape = FolderShape.With(FieldUri.FolderDisplayName), MaxEntriesReturned = 500 };
        try
        {
            await foreach (var folder in client.FindAllFoldersAsync(request, cancellationToken))
            {
                if (string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase) && folder.Id?.Id is { } id)
                {
                    return id;
                }
            }
        }
        catch (EwsResponseException ex) when (ex.ResponseCode == EwsResponseCodes.ErrorFolderNotFound)
        {
            // The parent is gone; the create that follows reports it.
        }

        return null;
    }

    private static string ParentPath(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
