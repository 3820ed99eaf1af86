namespace MailShadow.Ews.Model;

/// <summary>A folder to create, or the new value of one folder property in an update. Unset properties are not sent.</summary>
public sealed record NewFolder
{
    public FolderKind Kind { get; init; } = FolderKind.Folder;

    /// <summary>The container class, for example <c>IPF.Note</c> for mail.</summary>
    public string? FolderClass { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<ExtendedProperty> ExtendedProperties { get; init; } = [];
}
