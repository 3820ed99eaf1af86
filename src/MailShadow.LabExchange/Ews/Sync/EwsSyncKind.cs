namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>Which sync a state belongs to; a state of one kind is invalid for the other.</summary>
internal enum EwsSyncKind : byte
{
    FolderItems = 1,
    FolderHierarchy = 2,
}
