using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// CreateAttachment: file attachments added to one item, one result per attachment, each carrying the new attachment id
/// and the item's new change key. Sent as one call (every attachment changes the item's change key).
/// </summary>
public sealed record CreateAttachmentRequest(ItemId ParentItemId, IReadOnlyList<NewFileAttachment> Attachments);
