namespace MailShadow.Reconciliation.Reading;

/// <summary>What reading a mailbox's snapshots cost.</summary>
/// <param name="EwsCalls">EWS requests sent to both sites (a batch or a page is one request; retries not counted).</param>
/// <param name="FoldersListed">Folders whose items were listed whole, each site's folder counted once.</param>
/// <param name="ItemsRead">Items in both snapshots.</param>
/// <param name="SyncStatesRejected">Stored sync states the server refused (those folders were listed whole).</param>
public sealed record SnapshotReadStatistics(int EwsCalls, int FoldersListed, long ItemsRead, int SyncStatesRejected);
