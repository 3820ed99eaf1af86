using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Operations;

/// <summary>
/// The mailbox side of the EWS endpoint: one method per operation, each answering one message per requested id in
/// request order. Results may be lazy — they are enumerated once, while the response is written. Implementations
/// answer expected failures (unknown ids, conflicts, access) as error messages, never as exceptions.
/// </summary>
internal interface IEwsOperations
{
    IEnumerable<EwsFolderInfoMessage> GetFolder(EwsCallContext context, GetFolderRequest request);

    IEnumerable<EwsFindFolderMessage> FindFolder(EwsCallContext context, FindFolderRequest request);

    IEnumerable<EwsSyncHierarchyMessage> SyncFolderHierarchy(EwsCallContext context, SyncFolderHierarchyRequest request);

    IEnumerable<EwsFolderInfoMessage> CreateFolder(EwsCallContext context, CreateFolderRequest request);

    IEnumerable<EwsFolderInfoMessage> UpdateFolder(EwsCallContext context, UpdateFolderRequest request);

    IEnumerable<EwsResponseMessage> DeleteFolder(EwsCallContext context, DeleteFolderRequest request);

    IEnumerable<EwsFolderInfoMessage> MoveCopyFolder(EwsCallContext context, MoveCopyFolderRequest request);

    IEnumerable<EwsResponseMessage> EmptyFolder(EwsCallContext context, EmptyFolderRequest request);

    IEnumerable<EwsFindItemMessage> FindItem(EwsCallContext context, FindItemRequest request);

    IEnumerable<EwsItemInfoMessage> GetItem(EwsCallContext context, GetItemRequest request);

    IEnumerable<EwsSyncItemsMessage> SyncFolderItems(EwsCallContext context, SyncFolderItemsRequest request);

    IEnumerable<EwsItemInfoMessage> CreateItem(EwsCallContext context, CreateItemRequest request);

    IEnumerable<EwsItemInfoMessage> UpdateItem(EwsCallContext context, UpdateItemRequest request);

    IEnumerable<EwsResponseMessage> DeleteItem(EwsCallContext context, DeleteItemRequest request);

    IEnumerable<EwsItemInfoMessage> MoveCopyItem(EwsCallContext context, MoveCopyItemRequest request);

    IEnumerable<EwsResponseMessage> SendItem(EwsCallContext context, SendItemRequest request);

    IEnumerable<EwsResponseMessage> MarkAllItemsAsRead(EwsCallContext context, MarkAllItemsAsReadRequest request);

    IEnumerable<EwsExportItemMessage> ExportItems(EwsCallContext context, ExportItemsRequest request);

    IEnumerable<EwsUploadItemMessage> UploadItems(EwsCallContext context, UploadItemsRequest request);

    IEnumerable<EwsAttachmentInfoMessage> GetAttachment(EwsCallContext context, GetAttachmentRequest request);

    IEnumerable<EwsAttachmentInfoMessage> CreateAttachment(EwsCallContext context, CreateAttachmentRequest request);

    IEnumerable<EwsDeleteAttachmentMessage> DeleteAttachment(EwsCallContext context, DeleteAttachmentRequest request);

    IEnumerable<EwsResolveNamesMessage> ResolveNames(EwsCallContext context, ResolveNamesRequest request);

    IEnumerable<EwsConvertIdMessage> ConvertId(EwsCallContext context, ConvertIdRequest request);
}
