namespace MailShadow.Reconciliation.Applying;

/// <summary>The outcome of one attempt at a repair.</summary>
/// <param name="Kind">Applied, skipped, to retry, or failed.</param>
/// <param name="Reason">Why, for anything but a plain success; never message content.</param>
/// <param name="BytesCopied">MIME bytes written to the passive side (copies only).</param>
public sealed record RepairOutcome(RepairOutcomeKind Kind, string? Reason, long BytesCopied)
{
    /// <summary>
    /// For <see cref="RepairOutcomeKind.Retry"/>: the attempt may have changed the passive side (a mutating call whose
    /// answer was lost), so the next attempt must run as ambiguous and check before changing anything.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    public static RepairOutcome Applied(long bytesCopied = 0, string? reason = null) => new(RepairOutcomeKind.Applied, reason, bytesCopied);

    public static RepairOutcome Skipped(string reason) => new(RepairOutcomeKind.Skipped, reason, 0);

    public static RepairOutcome Retry(string reason, bool outcomeUnknown = false) => new(RepairOutcomeKind.Retry, reason, 0) { OutcomeUnknown = outcomeUnknown };

    public static RepairOutcome Failed(string reason) => new(RepairOutcomeKind.Failed, reason, 0);

    public override string ToString() => Reason is null ? Kind.ToString() : $"{Kind}: {Reason}";
}
