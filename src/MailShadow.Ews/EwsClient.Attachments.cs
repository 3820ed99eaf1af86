using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews;

public sealed partial class EwsClient
{
    /// <summary>GetAttachment: one result per attachment id, in order, with content.</summary>
    public Task<IReadOnlyList<EwsResult<AttachmentInfo>>> GetAttachmentAsync(GetAttachmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.AttachmentIds, ids => new GetAttachmentOperation(request, ids), cancellationToken);
    }

    /// <summary>CreateAttachment: one result per attachment, in order; sent as a single call.</summary>
    public async Task<IReadOnlyList<EwsResult<AttachmentInfo>>> CreateAttachmentAsync(CreateAttachmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Attachments);
        return request.Attachments.Count == 0
            ? []
            : await ExecuteAsync(new CreateAttachmentOperation(request.ParentItemId, request.Attachments), cancellationToken);
    }

    /// <summary>DeleteAttachment: one result (the holding item with its new change key) per attachment, in order.</summary>
    public Task<IReadOnlyList<EwsResult<ItemId>>> DeleteAttachmentAsync(DeleteAttachmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.AttachmentIds, ids => new DeleteAttachmentOperation(ids), cancellationToken);
    }
}
