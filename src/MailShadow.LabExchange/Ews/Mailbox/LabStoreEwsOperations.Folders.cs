using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    public IEnumerable<EwsFolderInfoMessage> GetFolder(EwsCallContext context, GetFolderRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.FolderIds)
        {
            var folder = session.Folder(reference);
            yield return folder.Value is { } found
                ? new EwsFolderInfoMessage { Folders = [EwsFolderViews.Build(found, request.Shape, session)] }
                : Error<EwsFolderInfoMessage>(folder.Error!);
        }
    }

    public IEnumerable<EwsFindFolderMessage> FindFolder(EwsCallContext context, FindFolderRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.ParentFolderIds)
        {
            var parent = session.Folder(reference);
            if (parent.Value is not { } found)
            {
                yield return Error<EwsFindFolderMessage>(parent.Error!);
                continue;
            }

            if (request.Restriction is { } restriction
                && EwsRestrictionEvaluator.FindUnsupported(restriction, path => EwsItemProperties.GetFolder(found, path)) is { } unsupported)
            {
                yield return Error<EwsFindFolderMessage>(EwsResponseCodes.ErrorUnsupportedPathForQuery) with { MessageXmlPath = unsupported };
                continue;
            }

            var folders = Descendants(found, request.Deep)
                .Where(folder => request.Restriction is null || EwsRestrictionEvaluator.Matches(request.Restriction, path => EwsItemProperties.GetFolder(folder, path)))
                .ToList();
            var start = request.Page.StartIndex(folders.Count);
            var count = Math.Min(Math.Min(request.Page.MaxEntriesReturned ?? MaxPageSize, MaxPageSize), folders.Count - start);
            var page = folders.GetRange(start, count).Select(folder => EwsFolderViews.Build(folder, request.Shape, session)).ToList();
            yield return new EwsFindFolderMessage
            {
                RootFolder = new EwsPagedResult<EwsFolderView>(page, request.Page.Offset + count, folders.Count, start + count >= folders.Count),
            };
        }
    }

    public IEnumerable<EwsFolderInfoMessage> CreateFolder(EwsCallContext context, CreateFolderRequest request)
    {
        var session = Session(context);
        var parent = session.Folder(request.ParentFolder);
        foreach (var content in request.Folders)
        {
            if (parent.Value is not { } found)
            {
                yield return Error<EwsFolderInfoMessage>(parent.Error!);
                continue;
            }

            if (string.IsNullOrWhiteSpace(content.DisplayName))
            {
                yield return Error<EwsFolderInfoMessage>(EwsResponseCodes.ErrorFolderSave);
                continue;
            }

            var created = store.CreateFolder(found.Id, content.DisplayName, content.FolderClass ?? EwsFolderViews.DefaultClass(content.ElementName));
            yield return created.Succeeded
                ? new EwsFolderInfoMessage { Folders = [EwsFolderViews.IdOnly(created.Value!)] }
                : Error<EwsFolderInfoMessage>(Code(created.Error));
        }
    }

    public IEnumerable<EwsFolderInfoMessage> UpdateFolder(EwsCallContext context, UpdateFolderRequest request)
    {
        var session = Session(context);
        foreach (var change in request.Changes)
        {
            var folder = session.Folder(change.Folder);
            if (folder.Value is not { } found)
            {
                yield return Error<EwsFolderInfoMessage>(folder.Error!);
                continue;
            }

            string? displayName = null, folderClass = null, failure = null;
            foreach (var update in change.Updates)
            {
                switch (update.Path, update.Kind)
                {
                    case (EwsFieldPath { FieldUri: "folder:DisplayName" }, EwsUpdateKind.Set):
                        displayName = update.Value?.DisplayName;
                        failure ??= displayName is null ? EwsResponseCodes.ErrorIncorrectUpdatePropertyCount : null;
                        break;
                    case (EwsFieldPath { FieldUri: "folder:FolderClass" }, EwsUpdateKind.Set):
                        folderClass = update.Value?.FolderClass;
                        failure ??= folderClass is null ? EwsResponseCodes.ErrorIncorrectUpdatePropertyCount : null;
                        break;
                    default:
                        failure ??= EwsResponseCodes.ErrorInvalidPropertySet;
                        break;
                }
            }

            if (failure is not null)
            {
                yield return Error<EwsFolderInfoMessage>(failure);
                continue;
            }

            var updated = store.UpdateFolder(found.Id, change.Folder.ChangeKey, new LabFolderUpdate { DisplayName = displayName, FolderClass = folderClass });
            yield return updated.Succeeded
                ? new EwsFolderInfoMessage { Folders = [EwsFolderViews.IdOnly(updated.Value!)] }
                : Error<EwsFolderInfoMessage>(updated.Error == LabStoreError.DistinguishedFolderProtected ? EwsResponseCodes.ErrorInvalidPropertySet : Code(updated.Error));
        }
    }

    public IEnumerable<EwsResponseMessage> DeleteFolder(EwsCallContext context, DeleteFolderRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.FolderIds)
        {
            var folder = session.Folder(reference);
            if (folder.Value is not { } found)
            {
                yield return EwsResponseMessage.Error(folder.Error!);
                continue;
            }

            if (found.DistinguishedFolder is not null)
            {
                yield return EwsResponseMessage.Error(EwsResponseCodes.ErrorDeleteDistinguishedFolder);
                continue;
            }

            var trash = session.Distinguished(LabDistinguishedFolder.DeletedItems);
            LabStoreError error;
            if (request.DeleteType == EwsDisposal.MoveToDeletedItems && trash is not null && !IsWithin(found, trash.Id))
            {
                var moved = store.MoveFolder(found.Id, trash.Id);
                error = moved.Error;
            }
            else
            {
                error = store.DeleteFolder(found.Id);
            }

            yield return error == LabStoreError.None ? EwsResponseMessage.Success : EwsResponseMessage.Error(Code(error));
        }
    }

    public IEnumerable<EwsFolderInfoMessage> MoveCopyFolder(EwsCallContext context, MoveCopyFolderRequest request)
    {
        var session = Session(context);
        var target = session.Folder(request.ToFolder);
        foreach (var reference in request.FolderIds)
        {
            var folder = session.Folder(reference);
            if (target.Value is not { } destination)
            {
                yield return Error<EwsFolderInfoMessage>(target.Error!);
                continue;
            }

            if (folder.Value is not { } found)
            {
                yield return Error<EwsFolderInfoMessage>(folder.Error!);
                continue;
            }

            var result = request.IsCopy ? store.CopyFolder(found.Id, destination.Id) : store.MoveFolder(found.Id, destination.Id);
            yield return result.Succeeded
                ? new EwsFolderInfoMessage { Folders = [EwsFolderViews.IdOnly(result.Value!)] }
                : Error<EwsFolderInfoMessage>(result.Error == LabStoreError.DistinguishedFolderProtected ? EwsResponseCodes.ErrorMoveDistinguishedFolder : Code(result.Error));
        }
    }

    public IEnumerable<EwsResponseMessage> EmptyFolder(EwsCallContext context, EmptyFolderRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.FolderIds)
        {
            var folder = session.Folder(reference);
            if (folder.Value is not { } found)
            {
                yield return EwsResponseMessage.Error(folder.Error!);
                continue;
            }

            if (found.DistinguishedFolder is LabDistinguishedFolder.Root or LabDistinguishedFolder.MsgFolderRoot)
            {
                yield return EwsResponseMessage.Error(EwsResponseCodes.ErrorCannotEmptyFolder);
                continue;
            }

            var trash = session.Distinguished(LabDistinguishedFolder.DeletedItems);
            if (request.DeleteType == EwsDisposal.MoveToDeletedItems && trash is not null && found.Id != trash.Id)
            {
                foreach (var item in store.GetItems(found.Id).Value ?? [])
                {
                    store.MoveItem(item.Id, trash.Id);
                }

                if (request.DeleteSubFolders)
                {
                    foreach (var child in store.GetChildFolders(found.Id).Value ?? [])
                    {
                        store.MoveFolder(child.Id, trash.Id);
                    }
                }

                yield return EwsResponseMessage.Success;
                continue;
            }

            var emptied = store.EmptyFolder(found.Id, request.DeleteSubFolders);
            yield return emptied.Succeeded ? EwsResponseMessage.Success : EwsResponseMessage.Error(Code(emptied.Error));
        }
    }

    /// <summary>The folders below <paramref name="parent"/>: its children, or (deep) its whole subtree, parents first.</summary>
    private List<LabFolder> Descendants(LabFolder parent, bool deep)
    {
        var result = new List<LabFolder>();
        Visit(parent.Id);
        return result;

        void Visit(string folderId)
        {
            var children = store.GetChildFolders(folderId).Value ?? [];
            foreach (var child in children.OrderBy(child => child.DisplayName, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(child);
                if (deep)
                {
                    Visit(child.Id);
                }
            }
        }
    }

    /// <summary>True when <paramref name="folder"/> is the folder <paramref name="ancestorId"/> or lies below it.</summary>
    private bool IsWithin(LabFolder folder, string ancestorId)
    {
        for (LabFolder? current = folder; current is not null; current = current.ParentFolderId is { } parentId ? store.GetFolder(parentId).Value : null)
        {
            if (current.Id == ancestorId)
            {
                return true;
            }
        }

        return false;
    }
}
