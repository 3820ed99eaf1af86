using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>DeleteAttachment: one result per attachment, carrying the holding item with its new change key.</summary>
public sealed record DeleteAttachmentRequest(IReadOnlyList<AttachmentId> AttachmentIds);
