namespace MailShadow.Ews.Model;

/// <summary>A schema property (<c>t:FieldURI</c>), such as <c>item:Subject</c> or <c>folder:DisplayName</c>.</summary>
public sealed record FieldUri : PropertyPath
{
    public FieldUri(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        Uri = uri;
    }

    /// <summary>The schema's <c>UnindexedFieldURIType</c> value.</summary>
    public string Uri { get; }

    public static FieldUri ItemId { get; } = new("item:ItemId");
    public static FieldUri ParentFolderId { get; } = new("item:ParentFolderId");
    public static FieldUri ItemClass { get; } = new("item:ItemClass");
    public static FieldUri MimeContent { get; } = new("item:MimeContent");
    public static FieldUri Subject { get; } = new("item:Subject");
    public static FieldUri Sensitivity { get; } = new("item:Sensitivity");
    public static FieldUri Attachments { get; } = new("item:Attachments");
    public static FieldUri DateTimeReceived { get; } = new("item:DateTimeReceived");
    public static FieldUri Size { get; } = new("item:Size");
    public static FieldUri Categories { get; } = new("item:Categories");
    public static FieldUri Importance { get; } = new("item:Importance");
    public static FieldUri IsDraft { get; } = new("item:IsDraft");
    public static FieldUri DateTimeSent { get; } = new("item:DateTimeSent");
    public static FieldUri DateTimeCreated { get; } = new("item:DateTimeCreated");
    public static FieldUri HasAttachments { get; } = new("item:HasAttachments");
    public static FieldUri LastModifiedTime { get; } = new("item:LastModifiedTime");
    public static FieldUri IsAssociated { get; } = new("item:IsAssociated");

    /// <summary>The header block of received mail; GetItem only (FindItem refuses it, SyncFolderItems omits it).</summary>
    public static FieldUri InternetMessageHeaders { get; } = new("item:InternetMessageHeaders");

    /// <summary>The follow-up flag; Exchange 2013 and later.</summary>
    public static FieldUri Flag { get; } = new("item:Flag");
    public static FieldUri From { get; } = new("message:From");
    public static FieldUri InternetMessageId { get; } = new("message:InternetMessageId");
    public static FieldUri IsRead { get; } = new("message:IsRead");

    public static FieldUri FolderId { get; } = new("folder:FolderId");
    public static FieldUri FolderParentFolderId { get; } = new("folder:ParentFolderId");
    public static FieldUri FolderDisplayName { get; } = new("folder:DisplayName");
    public static FieldUri FolderClass { get; } = new("folder:FolderClass");
    public static FieldUri FolderTotalCount { get; } = new("folder:TotalCount");
    public static FieldUri FolderChildFolderCount { get; } = new("folder:ChildFolderCount");
    public static FieldUri FolderUnreadCount { get; } = new("folder:UnreadCount");

    /// <summary>The folder's distinguished name, if it has one; Exchange 2013 and later.</summary>
    public static FieldUri FolderDistinguishedFolderId { get; } = new("folder:DistinguishedFolderId");

    public override string ToString() => Uri;
}
