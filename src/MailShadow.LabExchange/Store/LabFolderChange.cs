namespace MailShadow.LabExchange.Store;

/// <summary>One entry of a mailbox's folder hierarchy change log.</summary>
/// <param name="ChangeNumber">The store-wide, strictly increasing number of the change.</param>
/// <param name="Kind">What happened.</param>
/// <param name="FolderId">The folder.</param>
public readonly record struct LabFolderChange(long ChangeNumber, LabFolderChangeKind Kind, string FolderId);
