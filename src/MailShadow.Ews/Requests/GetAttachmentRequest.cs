using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>GetAttachment: attachments with their content, one result per id.</summary>
public sealed record GetAttachmentRequest(IReadOnlyList<AttachmentId> AttachmentIds)
{
    /// <summary>For item attachments: return the attached item's MIME content.</summary>
    public bool? IncludeMimeContent { get; init; }

    public IReadOnlyList<PropertyPath> AdditionalProperties { get; init; } = [];
}
