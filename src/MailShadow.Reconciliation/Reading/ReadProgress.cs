namespace MailShadow.Reconciliation.Reading;

/// <summary>How far a snapshot read has come; reported after each folder.</summary>
/// <param name="FoldersDone">Folders synced (and listed where needed), each site's folder counted once.</param>
/// <param name="FoldersTotal">Folders on both sites.</param>
/// <param name="ItemsRead">Items listed so far.</param>
public sealed record ReadProgress(int FoldersDone, int FoldersTotal, long ItemsRead);
