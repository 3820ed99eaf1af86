namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>
/// One injected EWS fault, as posted to <c>/lab/faults/ews</c>. It applies to authenticated, well-formed requests
/// for the listed operations (all when none are listed): to the next <see cref="Count"/> of them, or to each with
/// probability <see cref="Fraction"/>, or — with neither — to every one until cleared.
/// </summary>
public sealed record EwsFaultRule
{
    public EwsFaultKind Kind { get; set; }

    /// <summary>How many requests the rule applies to before it expires; null for no limit.</summary>
    public int? Count { get; set; }

    /// <summary>The probability (0–1) that a matching request is hit; null for every matching request.</summary>
    public double? Fraction { get; set; }

    /// <summary>Operation names (for example "GetItem"); null or empty for all operations.</summary>
    public IReadOnlyList<string>? Operations { get; set; }

    /// <summary>For <see cref="EwsFaultKind.Throttle"/>: the back-off the fault tells the client to wait.</summary>
    public int BackOffMilliseconds { get; set; } = 2000;

    /// <summary>For <see cref="EwsFaultKind.Delay"/>: how long to wait before answering.</summary>
    public int DelayMilliseconds { get; set; } = 1000;

    /// <summary>For <see cref="EwsFaultKind.DropConnection"/>: how many bytes of the answer to send first.</summary>
    public int AfterBytes { get; set; } = 256;

    /// <summary>The problems with this rule, each naming its field; empty when it is valid.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return $"{prefix}.kind: must be one of {string.Join(", ", Enum.GetNames<EwsFaultKind>())}.";
        }

        if (Count is <= 0)
        {
            yield return $"{prefix}.count: must be positive when given.";
        }

        if (Fraction is < 0 or > 1 || (Fraction is { } fraction && double.IsNaN(fraction)))
        {
            yield return $"{prefix}.fraction: must be between 0 and 1.";
        }

        if (BackOffMilliseconds < 0)
        {
            yield return $"{prefix}.backOffMilliseconds: must not be negative.";
        }

        if (DelayMilliseconds < 0)
        {
            yield return $"{prefix}.delayMilliseconds: must not be negative.";
        }

        if (AfterBytes < 0)
        {
            yield return $"{prefix}.afterBytes: must not be negative.";
        }
    }
}
