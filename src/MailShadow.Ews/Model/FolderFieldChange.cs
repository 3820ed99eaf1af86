namespace MailShadow.Ews.Model;

/// <summary>One property change of an UpdateFolder: set (<c>t:SetFolderField</c>) or remove (<c>t:DeleteFolderField</c>).</summary>
public sealed record FolderFieldChange
{
    private FolderFieldChange(PropertyPath path, NewFolder? value)
    {
        Path = path;
        Value = value;
    }

    public PropertyPath Path { get; }

    /// <summary>The folder carrying the one new value; null for a delete.</summary>
    public NewFolder? Value { get; }

    public bool IsDelete => Value is null;

    public static FolderFieldChange SetDisplayName(string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return new(FieldUri.FolderDisplayName, new NewFolder { DisplayName = displayName });
    }

    public static FolderFieldChange SetFolderClass(string folderClass)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folderClass);
        return new(FieldUri.FolderClass, new NewFolder { FolderClass = folderClass });
    }

    public static FolderFieldChange SetExtendedProperty(ExtendedProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return new(property.Path, new NewFolder { ExtendedProperties = [property] });
    }

    public static FolderFieldChange Delete(PropertyPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(path, null);
    }
}
