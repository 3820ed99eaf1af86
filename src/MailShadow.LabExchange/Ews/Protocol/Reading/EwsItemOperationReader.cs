using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Parsers of the item operations, each following its request type's <c>xs:sequence</c>.</summary>
internal static class EwsItemOperationReader
{
    /// <summary>The schema's bounds for <c>MaxSyncChangesReturnedType</c>.</summary>
    public const int MaxSyncChanges = 512;

    private static readonly XName[] _itemViews =
    [
        M + "IndexedPageItemView", M + "FractionalPageItemView", M + "SeekToConditionPageItemView", M + "CalendarView", M + "ContactsView",
    ];

    public static FindItemRequest FindItem(XElement operation)
    {
        var traversal = EwsXml.Enumeration(EwsXml.RequiredAttribute(operation, "Traversal"), operation, "ItemQueryTraversalType", "Shallow", "SoftDeleted", "Associated");
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.ItemShape(children.Required(M + "ItemShape"));
        var view = children.OptionalChoice(_itemViews);
        if (view is not null && view.Name != M + "IndexedPageItemView" && view.Name != M + "FractionalPageItemView")
        {
            throw new EwsSchemaViolationException($"The view {Describe(view.Name)} is not supported for mail folders.", view);
        }

        children.OptionalChoice(M + "GroupBy", M + "DistinguishedGroupBy");
        var restriction = children.Optional(M + "Restriction");
        var sort = children.Optional(M + "SortOrder");
        var parents = EwsCommonReader.FolderIds(children.Required(M + "ParentFolderIds"));
        var query = children.Optional(M + "QueryString");
        children.End();
        return new FindItemRequest(shape, parents)
        {
            Traversal = traversal,
            Page = view is null ? EwsPageView.All : EwsCommonReader.PageView(view),
            Restriction = restriction is null ? null : EwsRestrictionReader.Restriction(restriction),
            SortOrder = sort is null ? [] : EwsCommonReader.SortOrder(sort),
            QueryString = string.IsNullOrWhiteSpace(query?.Value) ? null : query.Value,
        };
    }

    public static GetItemRequest GetItem(XElement operation)
    {
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.ItemShape(children.Required(M + "ItemShape"));
        var ids = EwsCommonReader.ItemIds(children.Required(M + "ItemIds"));
        children.End();
        return new GetItemRequest(shape, ids);
    }

    public static SyncFolderItemsRequest SyncFolderItems(XElement operation)
    {
        var children = new EwsChildren(operation);
        var shape = EwsCommonReader.ItemShape(children.Required(M + "ItemShape"));
        var folder = EwsCommonReader.TargetFolderId(children.Required(M + "SyncFolderId"));
        var state = children.Optional(M + "SyncState");
        var ignore = children.Optional(M + "Ignore");
        var maxElement = children.Required(M + "MaxChangesReturned");
        var scope = children.Optional(M + "SyncScope");
        children.End();
        var max = EwsXml.Int(maxElement);
        if (max is < 1 or > MaxSyncChanges)
        {
            throw new EwsSchemaViolationException(
                $"The 'MaxChangesReturned' element is invalid - The value '{maxElement.Value}' is invalid according to its datatype '{EwsNamespaces.Types}:MaxSyncChangesReturnedType' - The MaxInclusive constraint failed.",
                maxElement);
        }

        return new SyncFolderItemsRequest(shape, folder, string.IsNullOrWhiteSpace(state?.Value) ? null : state.Value.Trim(), max)
        {
            Ignore = ignore is null ? [] : EwsCommonReader.ItemIds(ignore, allowEmpty: true),
            SyncScope = scope is null ? "NormalItems" : EwsXml.Enumeration(scope.Value, scope, "SyncFolderItemsScopeType", "NormalItems", "NormalAndAssociatedItems"),
        };
    }

    public static CreateItemRequest CreateItem(XElement operation)
    {
        var disposal = operation.Attribute("MessageDisposition") is { } attribute ? Disposition(attribute) : (EwsMessageDisposition?)null;
        var children = new EwsChildren(operation);
        var saved = children.Optional(M + "SavedItemFolderId");
        var items = children.Required(M + "Items");
        children.End();
        var contents = items.Elements().Select(EwsItemContentReader.Item).ToList();
        if (contents.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(items.Name)} has incomplete content. List of possible elements expected: 'Item, Message' in namespace '{EwsNamespaces.Types}'.",
                items);
        }

        return new CreateItemRequest(saved is null ? null : EwsCommonReader.TargetFolderId(saved), contents) { Disposition = disposal };
    }

    public static UpdateItemRequest UpdateItem(XElement operation)
    {
        var resolution = EwsXml.Enumeration(EwsXml.RequiredAttribute(operation, "ConflictResolution"), operation, "ConflictResolutionType", "NeverOverwrite", "AutoResolve", "AlwaysOverwrite") switch
        {
            "NeverOverwrite" => EwsConflictResolution.NeverOverwrite,
            "AutoResolve" => EwsConflictResolution.AutoResolve,
            _ => EwsConflictResolution.AlwaysOverwrite,
        };
        var disposal = operation.Attribute("MessageDisposition") is { } attribute ? Disposition(attribute) : (EwsMessageDisposition?)null;
        var children = new EwsChildren(operation);
        var saved = children.Optional(M + "SavedItemFolderId");
        var changesElement = children.Required(M + "ItemChanges");
        children.End();
        var changes = new List<EwsItemChange>();
        foreach (var change in changesElement.Elements())
        {
            if (change.Name != T + "ItemChange")
            {
                throw new EwsSchemaViolationException($"The element {Describe(changesElement.Name)} has invalid child element {Describe(change.Name)}.", change);
            }

            var parts = new EwsChildren(change);
            var item = EwsCommonReader.ItemId(parts.RequiredChoice(T + "ItemId", T + "OccurrenceItemId", T + "RecurringMasterItemId"));
            var updates = parts.Required(T + "Updates");
            parts.Optional(T + "CalendarActivityData");
            parts.End();
            var list = updates.Elements().Select(ItemUpdate).ToList();
            if (list.Count == 0)
            {
                throw new EwsSchemaViolationException(
                    $"The element {Describe(updates.Name)} has incomplete content. List of possible elements expected: 'AppendToItemField, SetItemField, DeleteItemField' in namespace '{EwsNamespaces.Types}'.",
                    updates);
            }

            changes.Add(new EwsItemChange(item, list));
        }

        if (changes.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(changesElement.Name)} has incomplete content. List of possible elements expected: 'ItemChange' in namespace '{EwsNamespaces.Types}'.",
                changesElement);
        }

        return new UpdateItemRequest(resolution, changes)
        {
            Disposition = disposal,
            SavedItemFolder = saved is null ? null : EwsCommonReader.TargetFolderId(saved),
        };
    }

    public static DeleteItemRequest DeleteItem(XElement operation)
    {
        var disposal = EwsFolderOperationReader.Disposal(operation);
        var children = new EwsChildren(operation);
        var ids = EwsCommonReader.ItemIds(children.Required(M + "ItemIds"));
        children.End();
        return new DeleteItemRequest(disposal, ids);
    }

    public static MoveCopyItemRequest MoveCopyItem(XElement operation, bool isCopy)
    {
        var children = new EwsChildren(operation);
        var target = EwsCommonReader.TargetFolderId(children.Required(M + "ToFolderId"));
        var ids = EwsCommonReader.ItemIds(children.Required(M + "ItemIds"));
        var returnNew = children.Optional(M + "ReturnNewItemIds");
        children.End();
        return new MoveCopyItemRequest(isCopy, target, ids) { ReturnNewItemIds = returnNew is null || EwsXml.Boolean(returnNew) };
    }

    public static SendItemRequest SendItem(XElement operation)
    {
        var save = EwsXml.Boolean(operation.Attribute("SaveItemToFolder")
            ?? throw new EwsSchemaViolationException("The required attribute 'SaveItemToFolder' is missing.", operation));
        var children = new EwsChildren(operation);
        var ids = EwsCommonReader.ItemIds(children.Required(M + "ItemIds"));
        var saved = children.Optional(M + "SavedItemFolderId");
        children.End();
        return new SendItemRequest(save, ids, saved is null ? null : EwsCommonReader.TargetFolderId(saved));
    }

    public static MarkAllItemsAsReadRequest MarkAllItemsAsRead(XElement operation)
    {
        var children = new EwsChildren(operation);
        var readFlag = EwsXml.Boolean(children.Required(M + "ReadFlag"));
        var suppress = EwsXml.Boolean(children.Required(M + "SuppressReadReceipts"));
        var ids = EwsCommonReader.FolderIds(children.Required(M + "FolderIds"));
        children.End();
        return new MarkAllItemsAsReadRequest(readFlag, suppress, ids);
    }

    public static ExportItemsRequest ExportItems(XElement operation)
    {
        var children = new EwsChildren(operation);
        var ids = EwsCommonReader.ItemIds(children.Required(M + "ItemIds"));
        children.End();
        return new ExportItemsRequest(ids);
    }

    public static UploadItemsRequest UploadItems(XElement operation)
    {
        var children = new EwsChildren(operation);
        var itemsElement = children.Required(M + "Items");
        children.End();
        var items = new List<EwsUploadItem>();
        foreach (var item in itemsElement.Elements())
        {
            if (item.Name != T + "Item")
            {
                throw new EwsSchemaViolationException($"The element {Describe(itemsElement.Name)} has invalid child element {Describe(item.Name)}.", item);
            }

            var action = EwsXml.Enumeration(EwsXml.RequiredAttribute(item, "CreateAction"), item, "CreateActionType", "CreateNew", "Update", "UpdateOrCreate");
            var parts = new EwsChildren(item);
            var parentElement = parts.Required(T + "ParentFolderId");
            var parent = EwsFolderReference.ById(EwsXml.RequiredAttribute(parentElement, "Id"), parentElement.Attribute("ChangeKey")?.Value);
            var id = parts.Optional(T + "ItemId");
            var data = EwsXml.Base64(parts.Required(T + "Data"));
            parts.End();
            items.Add(new EwsUploadItem(action, parent, id is null ? null : EwsCommonReader.ItemId(id), data)
            {
                IsAssociated = EwsXml.OptionalBooleanAttribute(item, "IsAssociated") ?? false,
            });
        }

        if (items.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(itemsElement.Name)} has incomplete content. List of possible elements expected: 'Item' in namespace '{EwsNamespaces.Types}'.",
                itemsElement);
        }

        return new UploadItemsRequest(items);
    }

    private static EwsMessageDisposition Disposition(XAttribute attribute) =>
        EwsXml.Enumeration(attribute.Value, attribute, "MessageDispositionType", "SaveOnly", "SendOnly", "SendAndSaveCopy") switch
        {
            "SaveOnly" => EwsMessageDisposition.SaveOnly,
            "SendOnly" => EwsMessageDisposition.SendOnly,
            _ => EwsMessageDisposition.SendAndSaveCopy,
        };

    private static EwsItemUpdate ItemUpdate(XElement update)
    {
        var kind = update.Name.LocalName switch
        {
            "SetItemField" => EwsUpdateKind.Set,
            "AppendToItemField" => EwsUpdateKind.Append,
            "DeleteItemField" => EwsUpdateKind.Delete,
            _ => throw new EwsSchemaViolationException($"The element 'Updates' has invalid child element {Describe(update.Name)}.", update),
        };
        if (update.Name.Namespace != T)
        {
            throw new EwsSchemaViolationException($"The element 'Updates' has invalid child element {Describe(update.Name)}.", update);
        }

        var children = new EwsChildren(update);
        var pathElement = children.Peek is { } first && EwsCommonReader.IsPath(first) ? first
            : throw new EwsSchemaViolationException($"The element {Describe(update.Name)} has incomplete content. List of possible elements expected: 'Path'.", update);
        children.Optional(pathElement.Name);
        EwsItemContent? value = null;
        if (kind != EwsUpdateKind.Delete)
        {
            var item = children.Peek ?? throw new EwsSchemaViolationException(
                $"The element {Describe(update.Name)} has incomplete content. List of possible elements expected: 'Item, Message' in namespace '{EwsNamespaces.Types}'.",
                update);
            children.Optional(item.Name);
            value = EwsItemContentReader.Item(item);
        }

        children.End();
        return new EwsItemUpdate(kind, EwsCommonReader.Path(pathElement), value);
    }
}
