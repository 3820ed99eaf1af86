namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>Which operation a shape serves: FindItem and SyncFolderItems cannot return whole-message properties.</summary>
internal enum EwsShapeUse
{
    GetItem,
    FindItem,
    SyncFolderItems,
}
