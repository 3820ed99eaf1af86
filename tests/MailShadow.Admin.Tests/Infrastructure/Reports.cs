using MailShadow.Reconciliation.Passes;

namespace MailShadow.Admin.Tests.Infrastructure;

/// <summary>Canned reports.</summary>
public static class Reports
{
    public static readonly Guid PlanId = Guid.Parse("01935c1e-0000-7000-8000-0000000000aa");

    public static MailboxPassReport Mailbox(string mailbox, PassOutcome outcome, int repairs = 0, string? report = null, params string[] notes) =>
        new(
            mailbox,
            outcome,
            repairs > 0 ? PlanId : null,
            [.. Enumerable.Range(1, repairs).Select(i => $"copy item tx:{i:D32} to /Inbox")],
            outcome == PassOutcome.Applied ? repairs : 0,
            0,
            0,
            report,
            notes,
            new PassStatistics(42, 15, 1200, 3 * 1024 * 1024, TimeSpan.FromSeconds(12)));

    public static PassProgress Progress(string mailbox) =>
        new(mailbox, "applying", 3, 10, 1200, 5000, 12 * 1024 * 1024, 250, TimeSpan.FromSeconds(15), DateTimeOffset.Parse("2026-11-25T21:00:00Z"));
}
