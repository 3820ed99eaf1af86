using System.Security;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>Request bodies (m:/t: prefixes) for the operations the behaviour tests send by hand.</summary>
internal static class Ops
{
    public static string Folder(string distinguishedOrId) => distinguishedOrId.Length < 20
        ? $"<t:DistinguishedFolderId Id=\"{distinguishedOrId}\"/>"
        : $"<t:FolderId Id=\"{distinguishedOrId}\"/>";

    public static string Item(string id, string? changeKey = null) =>
        changeKey is null ? $"<t:ItemId Id=\"{id}\"/>" : $"<t:ItemId Id=\"{id}\" ChangeKey=\"{changeKey}\"/>";

    public static string GetFolder(params string[] folders) =>
        $"<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>{string.Concat(folders.Select(Folder))}</m:FolderIds></m:GetFolder>";

    public static string GetItem(IEnumerable<string> ids, string shape = "IdOnly", string additional = "", bool mime = false) =>
        $"<m:GetItem><m:ItemShape><t:BaseShape>{shape}</t:BaseShape>{(mime ? "<t:IncludeMimeContent>true</t:IncludeMimeContent>" : "")}"
        + (additional.Length > 0 ? $"<t:AdditionalProperties>{additional}</t:AdditionalProperties>" : "")
        + $"</m:ItemShape><m:ItemIds>{string.Concat(ids.Select(id => Item(id)))}</m:ItemIds></m:GetItem>";

    public static string FindItem(string folder, int max, int offset = 0, string restriction = "", string sort = "", string additional = "") =>
        "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
        + (additional.Length > 0 ? $"<t:AdditionalProperties>{additional}</t:AdditionalProperties>" : "")
        + $"</m:ItemShape><m:IndexedPageItemView MaxEntriesReturned=\"{max}\" Offset=\"{offset}\" BasePoint=\"Beginning\"/>"
        + (restriction.Length > 0 ? $"<m:Restriction>{restriction}</m:Restriction>" : "")
        + (sort.Length > 0 ? $"<m:SortOrder>{sort}</m:SortOrder>" : "")
        + $"<m:ParentFolderIds>{Folder(folder)}</m:ParentFolderIds></m:FindItem>";

    public static string SyncFolderItems(string folder, string? state, int max, string shape = "IdOnly") =>
        $"<m:SyncFolderItems><m:ItemShape><t:BaseShape>{shape}</t:BaseShape></m:ItemShape><m:SyncFolderId>{Folder(folder)}</m:SyncFolderId>"
        + (state is null ? "" : $"<m:SyncState>{state}</m:SyncState>")
        + $"<m:MaxChangesReturned>{max}</m:MaxChangesReturned></m:SyncFolderItems>";

    public static string SyncFolderHierarchy(string? state, string? folder = null) =>
        "<m:SyncFolderHierarchy><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>"
        + (folder is null ? "" : $"<m:SyncFolderId>{Folder(folder)}</m:SyncFolderId>")
        + (state is null ? "" : $"<m:SyncState>{state}</m:SyncState>")
        + "</m:SyncFolderHierarchy>";

    public static string SetIsRead(string id, string? changeKey, bool isRead, string resolution = "AutoResolve") =>
        $"<m:UpdateItem ConflictResolution=\"{resolution}\" MessageDisposition=\"SaveOnly\"><m:ItemChanges><t:ItemChange>{Item(id, changeKey)}<t:Updates>"
        + $"<t:SetItemField><t:FieldURI FieldURI=\"message:IsRead\"/><t:Message><t:IsRead>{(isRead ? "true" : "false")}</t:IsRead></t:Message></t:SetItemField>"
        + "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>";

    public static string CreateFromMime(string folder, byte[] mime, string extra = "", string disposition = "SaveOnly") =>
        $"<m:CreateItem MessageDisposition=\"{disposition}\"><m:SavedItemFolderId>{Folder(folder)}</m:SavedItemFolderId><m:Items><t:Message>"
        + $"<t:MimeContent CharacterSet=\"UTF-8\">{Convert.ToBase64String(mime)}</t:MimeContent>{extra}</t:Message></m:Items></m:CreateItem>";

    public static string Text(string value) => SecurityElement.Escape(value);
}
