namespace MailShadow.LabExchange.Http;

/// <summary>
/// <c>GET /lab/stats</c>: store totals, and what the SMTP endpoint has done since the site started (counters restart
/// with the process; items do not).
/// </summary>
internal sealed record LabStatsDto(
    string Site,
    int Mailboxes,
    int Items,
    long DuplicatesSuppressed,
    long SmtpSessions,
    long MessagesReceived,
    long RecipientsRejected,
    long FaultsStruck,
    long ConnectionsDropped,
    long ChangeNumber);
