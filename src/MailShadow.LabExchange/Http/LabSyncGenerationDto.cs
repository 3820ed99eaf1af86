namespace MailShadow.LabExchange.Http;

/// <summary>
/// <c>POST /lab/mailboxes/{address}/invalidate-sync-states</c>: the mailbox and the sync generation its states are
/// issued in from now on.
/// </summary>
internal sealed record LabSyncGenerationDto(string Address, int SyncGeneration);
