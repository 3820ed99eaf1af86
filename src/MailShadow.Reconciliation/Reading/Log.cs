using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Reading;

/// <summary>Snapshot reader events (ids 5000–5019). Never logs message content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Debug,
        Message = "Reading {Mailbox}: active {ActiveSite}, passive {PassiveSite}, full {Full}")]
    public static partial void ReadStarted(ILogger logger, string mailbox, string activeSite, string passiveSite, bool full);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Read {Mailbox}: {Folders} folders, {FoldersListed} listed, {ItemsRead} items, {StatesRejected} sync states rejected, {EwsCalls} EWS calls in {Elapsed}")]
    public static partial void ReadCompleted(ILogger logger, string mailbox, int folders, int foldersListed, long itemsRead, int statesRejected, int ewsCalls, TimeSpan elapsed);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Reading {Mailbox}: site {Site} refused the stored sync state of folder {FolderPath} ({FolderId}); it was forgotten and the folder listed whole")]
    public static partial void SyncStateRejected(ILogger logger, string mailbox, string site, string folderPath, string folderId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug,
        Message = "Reading {Mailbox}: folder {FolderPath} listed whole ({Reason}): {ActiveItems} active, {PassiveItems} passive items")]
    public static partial void FolderListed(ILogger logger, string mailbox, string folderPath, ListReason reason, int activeItems, int passiveItems);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Reading {Mailbox}: folder {FolderId} is gone from site {Site}; its sync state is to be deleted")]
    public static partial void FolderGone(ILogger logger, string mailbox, string site, string folderId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug,
        Message = "Reading {Mailbox}: item {ItemId} on site {Site} was deleted while its headers were read; left out")]
    public static partial void ItemVanished(ILogger logger, string mailbox, string site, string itemId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning,
        Message = "Reading {Mailbox} failed after {EwsCalls} EWS calls; no snapshot was produced")]
    public static partial void ReadFailed(ILogger logger, string mailbox, int ewsCalls, Exception exception);
}
