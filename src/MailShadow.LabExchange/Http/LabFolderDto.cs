namespace MailShadow.LabExchange.Http;

/// <summary>A folder with its counts; <c>distinguishedName</c> is set for the well-known folders ("inbox", …).</summary>
internal sealed record LabFolderDto(
    string Id,
    string? ParentId,
    string DisplayName,
    string? DistinguishedName,
    int TotalCount,
    int UnreadCount);
