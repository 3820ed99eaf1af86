namespace MailShadow.Ews.Model;

/// <summary>A folder as the server returned it; only the properties the response carried are set.</summary>
public sealed class EwsFolder
{
    public FolderKind Kind { get; internal set; }

    public FolderId? Id { get; internal set; }

    public FolderId? ParentFolderId { get; internal set; }

    public string? FolderClass { get; internal set; }

    public string? DisplayName { get; internal set; }

    public int? TotalCount { get; internal set; }

    public int? ChildFolderCount { get; internal set; }

    public IReadOnlyList<ExtendedProperty> ExtendedProperties { get; internal set; } = [];

    /// <summary>The folder's distinguished name (<c>inbox</c> …), when requested and the server has it (2013 and later).</summary>
    public string? DistinguishedFolderId { get; internal set; }

    /// <summary>Unread items; calendar and contacts folders have none.</summary>
    public int? UnreadCount { get; internal set; }

    public ExtendedProperty? GetExtendedProperty(ExtendedPropertyPath path)
    {
        foreach (var property in ExtendedProperties)
        {
            if (property.Path == path)
            {
                return property;
            }
        }

        return null;
    }

    public override string ToString() => $"{Kind} {Id?.Id} \"{DisplayName}\"";
}
