using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>A folder as a response shows it; null properties are not written.</summary>
internal sealed record EwsFolderView
{
    /// <summary>"Folder", "CalendarFolder", "ContactsFolder", "SearchFolder" or "TasksFolder".</summary>
    public string ElementName { get; init; } = "Folder";

    public string? FolderId { get; init; }

    public string? ChangeKey { get; init; }

    public string? ParentFolderId { get; init; }

    public string? ParentFolderChangeKey { get; init; }

    public string? FolderClass { get; init; }

    public string? DisplayName { get; init; }

    public int? TotalCount { get; init; }

    public int? ChildFolderCount { get; init; }

    public IReadOnlyList<EwsExtendedProperty>? ExtendedProperties { get; init; }

    public bool EffectiveRights { get; init; }

    public string? DistinguishedFolderId { get; init; }

    /// <summary>Written only for the element types that have it (not calendar or contacts folders).</summary>
    public int? UnreadCount { get; init; }

    public bool HasUnreadCount => ElementName is "Folder" or "TasksFolder" or "SearchFolder";
}
