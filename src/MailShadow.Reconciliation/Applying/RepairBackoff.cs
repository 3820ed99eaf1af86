namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Exponential back-off with jitter: after the n-th attempt about <c>initial × 2^(n-1)</c>, never more than
/// <c>max</c>; the jitter (±20 %) keeps mailboxes that failed together from retrying together.
/// </summary>
internal sealed class RepairBackoff(TimeSpan initial, TimeSpan max)
{
    private const double JitterFraction = 0.2;

    public TimeSpan DelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var nominal = initial.TotalMilliseconds * Math.Pow(2, exponent);
        var jitter = 1 - JitterFraction + (2 * JitterFraction * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(nominal * jitter, Math.Max(max.TotalMilliseconds, initial.TotalMilliseconds)));
    }
}
