namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>One answer's worth of collapsed changes, the change number reached, and whether that is the end.</summary>
internal sealed record EwsSyncPage(IReadOnlyList<EwsCollapsedChange> Changes, long Watermark, bool IncludesLast);
