namespace MailShadow.Ews.Model;

/// <summary>The properties to return for folders (<c>m:FolderShape</c>).</summary>
public sealed record FolderShape
{
    public BaseShape BaseShape { get; init; } = BaseShape.IdOnly;

    public IReadOnlyList<PropertyPath> AdditionalProperties { get; init; } = [];

    /// <summary>Ids only.</summary>
    public static FolderShape IdOnly { get; } = new();

    /// <summary>
    /// What a folder-tree walk needs: parent, class, display name, counts. (Exchange 2013 and later can add
    /// <see cref="FieldUri.FolderDistinguishedFolderId"/>.)
    /// </summary>
    public static FolderShape Hierarchy { get; } = With(
        FieldUri.FolderParentFolderId,
        FieldUri.FolderClass,
        FieldUri.FolderDisplayName,
        FieldUri.FolderTotalCount,
        FieldUri.FolderChildFolderCount,
        FieldUri.FolderUnreadCount);

    /// <summary>Ids plus the given properties.</summary>
    public static FolderShape With(params PropertyPath[] properties) => new() { AdditionalProperties = properties };
}
