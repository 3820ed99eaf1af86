namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>The change elements of SyncFolderItems and SyncFolderHierarchy.</summary>
internal enum EwsChangeKind
{
    Create,
    Update,
    Delete,
    ReadFlagChange,
}
