namespace MailShadow.LabExchange.Http;

/// <summary>An item as <c>GET /lab/mailboxes/{address}/items</c> lists it.</summary>
internal sealed record LabItemDto(
    string Id,
    string ChangeKey,
    string Folder,
    string FolderId,
    string? InternetMessageId,
    string? Subject,
    string? From,
    DateTimeOffset ReceivedAt,
    int Size,
    bool IsRead,
    string? TransactionId);
