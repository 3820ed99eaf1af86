using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Parsers of the folder operations, each following its request type's <c>xs:sequence</c>.</summary>
internal static class EwsFolderOperationReader
{
    public static GetFolderRequest GetFolder(XElement operation)
    {
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.FolderShape(children.Required(M + "FolderShape"));
        var ids = EwsCommonReader.FolderIds(children.Required(M + "FolderIds"));
        children.End();
        return new GetFolderRequest(shape, ids);
    }

    public static FindFolderRequest FindFolder(XElement operation)
    {
        var traversal = EwsXml.Enumeration(EwsXml.RequiredAttribute(operation, "Traversal"), operation, "FolderQueryTraversalType", "Shallow", "Deep", "SoftDeleted");
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.FolderShape(children.Required(M + "FolderShape"));
        var view = children.OptionalChoice(M + "IndexedPageFolderView", M + "FractionalPageFolderView");
        var restriction = children.Optional(M + "Restriction");
        var parents = EwsCommonReader.FolderIds(children.Required(M + "ParentFolderIds"));
        children.End();
        return new FindFolderRequest(shape, parents)
        {
            Deep = traversal == "Deep",
            Page = view is null ? EwsPageView.All : EwsCommonReader.PageView(view),
            Restriction = restriction is null ? null : EwsRestrictionReader.Restriction(restriction),
        };
    }

    public static SyncFolderHierarchyRequest SyncFolderHierarchy(XElement operation)
    {
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.FolderShape(children.Required(M + "FolderShape"));
        var folder = children.Optional(M + "SyncFolderId");
        var state = children.Optional(M + "SyncState");
        children.End();
        return new SyncFolderHierarchyRequest(
            shape,
            folder is null ? null : EwsCommonReader.TargetFolderId(folder),
            string.IsNullOrWhiteSpace(state?.Value) ? null : state.Value.Trim());
    }

    public static CreateFolderRequest CreateFolder(XElement operation)
    {
        var children = new EwsChildren(operation);
        var parent = EwsCommonReader.TargetFolderId(children.Required(M + "ParentFolderId"));
        var folders = children.Required(M + "Folders");
        children.End();
        var contents = folders.Elements().Select(EwsItemContentReader.Folder).ToList();
        if (contents.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(folders.Name)} has incomplete content. List of possible elements expected: 'Folder' in namespace '{EwsNamespaces.Types}'.",
                folders);
        }

        return new CreateFolderRequest(parent, contents);
    }

    public static UpdateFolderRequest UpdateFolder(XElement operation)
    {
        var children = new EwsChildren(operation);
        var changesElement = children.Required(M + "FolderChanges");
        children.End();
        var changes = new List<EwsFolderChange>();
        foreach (var change in changesElement.Elements())
        {
            if (change.Name != T + "FolderChange")
            {
                throw new EwsSchemaViolationException($"The element {Describe(changesElement.Name)} has invalid child element {Describe(change.Name)}.", change);
            }

            var parts = new EwsChildren(change);
            var folder = EwsCommonReader.FolderId(parts.RequiredChoice(T + "FolderId", T + "DistinguishedFolderId"));
            var updates = parts.Required(T + "Updates");
            parts.End();
            changes.Add(new EwsFolderChange(folder, [.. updates.Elements().Select(FolderUpdate)]));
        }

        if (changes.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(changesElement.Name)} has incomplete content. List of possible elements expected: 'FolderChange' in namespace '{EwsNamespaces.Types}'.",
                changesElement);
        }

        return new UpdateFolderRequest(changes);
    }

    public static DeleteFolderRequest DeleteFolder(XElement operation)
    {
        var disposal = Disposal(operation);
        var children = new EwsChildren(operation);
        var ids = EwsCommonReader.FolderIds(children.Required(M + "FolderIds"));
        children.End();
        return new DeleteFolderRequest(disposal, ids);
    }

    public static MoveCopyFolderRequest MoveCopyFolder(XElement operation, bool isCopy)
    {
        var children = new EwsChildren(operation);
        var target = EwsCommonReader.TargetFolderId(children.Required(M + "ToFolderId"));
        var ids = EwsCommonReader.FolderIds(children.Required(M + "FolderIds"));
        children.End();
        return new MoveCopyFolderRequest(isCopy, target, ids);
    }

    public static EmptyFolderRequest EmptyFolder(XElement operation)
    {
        var disposal = Disposal(operation);
        var deleteSubFolders = EwsXml.Boolean(operation.Attribute("DeleteSubFolders")
            ?? throw new EwsSchemaViolationException("The required attribute 'DeleteSubFolders' is missing.", operation));
        var children = new EwsChildren(operation);
        var ids = EwsCommonReader.FolderIds(children.Required(M + "FolderIds"));
        children.End();
        return new EmptyFolderRequest(disposal, deleteSubFolders, ids);
    }

    public static EwsDisposal Disposal(XElement operation) =>
        EwsXml.Enumeration(EwsXml.RequiredAttribute(operation, "DeleteType"), operation, "DisposalType", "HardDelete", "SoftDelete", "MoveToDeletedItems") switch
        {
            "HardDelete" => EwsDisposal.HardDelete,
            "SoftDelete" => EwsDisposal.SoftDelete,
            _ => EwsDisposal.MoveToDeletedItems,
        };

    private static EwsFolderUpdate FolderUpdate(XElement update)
    {
        var kind = update.Name.LocalName switch
        {
            "SetFolderField" => EwsUpdateKind.Set,
            "AppendToFolderField" => EwsUpdateKind.Append,
            "DeleteFolderField" => EwsUpdateKind.Delete,
            _ => throw new EwsSchemaViolationException($"The element 'Updates' has invalid child element {Describe(update.Name)}.", update),
        };
        var children = new EwsChildren(update);
        var pathElement = children.Peek is { } first && EwsCommonReader.IsPath(first) ? first
            : throw new EwsSchemaViolationException($"The element {Describe(update.Name)} has incomplete content. List of possible elements expected: 'Path'.", update);
        children.Optional(pathElement.Name);
        EwsFolderContent? value = null;
        if (kind != EwsUpdateKind.Delete)
        {
            value = EwsItemContentReader.Folder(children.RequiredChoice(T + "Folder", T + "CalendarFolder", T + "ContactsFolder", T + "SearchFolder", T + "TasksFolder"));
        }

        children.End();
        return new EwsFolderUpdate(kind, EwsCommonReader.Path(pathElement), value);
    }
}
