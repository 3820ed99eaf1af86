using MailShadow.Model.Retry;
using Microsoft.Extensions.Time.Testing;

namespace MailShadow.Delivery.Smtp.Tests.Dispatch;

public sealed class RetryScheduleTests
{
    [Fact]
    public void NextAttempt_DoublesFromTheInitialDelay_WithinTwentyPercentJitter_CappedAtTheMaximum()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new Random(42));
        var nominal = new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256 };
        for (var failures = 1; failures <= nominal.Length; failures++)
        {
            var now = clock.GetUtcNow();
            var delay = (schedule.NextAttemptAt(failures, now) - now).TotalSeconds;
            Assert.InRange(delay, nominal[failures - 1] * 0.8, nominal[failures - 1] * 1.2);
            clock.Advance(TimeSpan.FromSeconds(delay));
        }

        for (var failures = 10; failures < 200; failures += 17)
        {
            var delay = schedule.DelayAfter(failures);
            Assert.InRange(delay, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        }
    }

    [Fact]
    public void Jitter_SpreadsRetriesOfMessagesThatFailedTogether()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), new Random(7));
        var delays = Enumerable.Range(0, 50).Select(_ => schedule.DelayAfter(3)).Distinct().ToList();
        Assert.True(delays.Count > 40);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(48)));
    }
}
