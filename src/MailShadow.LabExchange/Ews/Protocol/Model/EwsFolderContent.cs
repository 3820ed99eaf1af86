namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A folder's properties as CreateFolder or a SetFolderField gives them.</summary>
internal sealed record EwsFolderContent
{
    /// <summary>"Folder", "CalendarFolder", "ContactsFolder", "SearchFolder" or "TasksFolder".</summary>
    public required string ElementName { get; init; }

    public string? FolderClass { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<EwsExtendedProperty> ExtendedProperties { get; init; } = [];
}
