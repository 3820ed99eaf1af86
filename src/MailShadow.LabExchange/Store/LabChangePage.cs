namespace MailShadow.LabExchange.Store;

/// <summary>Changes after a given change number, oldest first.</summary>
/// <param name="Changes">At most the number asked for.</param>
/// <param name="Watermark">
/// The change number to ask from next time: the last returned change when more are available, otherwise the store's
/// current change number, so that an unchanged folder stays cheap to sync.
/// </param>
/// <param name="MoreAvailable">True when changes after <paramref name="Watermark"/> were left out.</param>
public sealed record LabChangePage<T>(IReadOnlyList<T> Changes, long Watermark, bool MoreAvailable);
