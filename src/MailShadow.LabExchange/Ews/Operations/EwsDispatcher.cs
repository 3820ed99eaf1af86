using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Operations;

/// <summary>Routes a parsed request to its <see cref="IEwsOperations"/> method.</summary>
internal static class EwsDispatcher
{
    public static EwsResponse Dispatch(IEwsOperations operations, EwsCallContext context, EwsRequest request)
    {
        IEnumerable<EwsResponseMessage> messages = request switch
        {
            GetFolderRequest r => operations.GetFolder(context, r),
            FindFolderRequest r => operations.FindFolder(context, r),
            SyncFolderHierarchyRequest r => operations.SyncFolderHierarchy(context, r),
            CreateFolderRequest r => operations.CreateFolder(context, r),
            UpdateFolderRequest r => operations.UpdateFolder(context, r),
            DeleteFolderRequest r => operations.DeleteFolder(context, r),
            MoveCopyFolderRequest r => operations.MoveCopyFolder(context, r),
            EmptyFolderRequest r => operations.EmptyFolder(context, r),
            FindItemRequest r => operations.FindItem(context, r),
            GetItemRequest r => operations.GetItem(context, r),
            SyncFolderItemsRequest r => operations.SyncFolderItems(context, r),
            CreateItemRequest r => operations.CreateItem(context, r),
            UpdateItemRequest r => operations.UpdateItem(context, r),
            DeleteItemRequest r => operations.DeleteItem(context, r),
            MoveCopyItemRequest r => operations.MoveCopyItem(context, r),
            SendItemRequest r => operations.SendItem(context, r),
            MarkAllItemsAsReadRequest r => operations.MarkAllItemsAsRead(context, r),
            ExportItemsRequest r => operations.ExportItems(context, r),
            UploadItemsRequest r => operations.UploadItems(context, r),
            GetAttachmentRequest r => operations.GetAttachment(context, r),
            CreateAttachmentRequest r => operations.CreateAttachment(context, r),
            DeleteAttachmentRequest r => operations.DeleteAttachment(context, r),
            ResolveNamesRequest r => operations.ResolveNames(context, r),
            ConvertIdRequest r => operations.ConvertId(context, r),
            _ => [EwsResponseMessage.Error(EwsResponseCodes.ErrorInvalidOperation)],
        };
        return new EwsResponse(request.OperationName, messages);
    }
}
