namespace MailShadow.Model.Retry;

/// <summary>
/// Exponential back-off with jitter: the n-th consecutive failure waits about <c>initial × 2^(n-1)</c>, never more
/// than <c>max</c>. The jitter (±20 %) keeps the retries of work that failed together from arriving together. Shared by
/// SMTP delivery and the repair replicator, and by both for retrying a briefly unavailable journal.
/// </summary>
public sealed class RetrySchedule
{
    private const double JitterFraction = 0.2;

    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;

    public RetrySchedule(TimeSpan initial, TimeSpan max, Random? random = null)
    {
        _initial = initial;
        _max = max < initial ? initial : max;
        _random = random ?? Random.Shared;
    }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures (1 for the first).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var nominal = _initial.TotalMilliseconds * Math.Pow(2, exponent);
        double jitter;
        lock (_random)
        {
            jitter = 1 - JitterFraction + (2 * JitterFraction * _random.NextDouble());
        }

        var milliseconds = Math.Min(nominal * jitter, _max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>When to try again after <paramref name="failures"/> consecutive failures, counted from <paramref name="now"/>.</summary>
    public DateTimeOffset NextAttemptAt(int failures, DateTimeOffset now) => now + DelayAfter(failures);
}
