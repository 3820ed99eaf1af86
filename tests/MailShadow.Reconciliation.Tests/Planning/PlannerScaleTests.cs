using System.Diagnostics;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Tests.Support;
using Xunit.Abstractions;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Planning;

public sealed class PlannerScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void AHundredThousandItems_ArePlannedInAFewSeconds()
    {
        var active = MailboxBuilder.Standard("A");
        var passive = MailboxBuilder.Standard("P");
        for (var folder = 0; folder < 50; folder++)
        {
            active.Folder($"F{folder}");
            passive.Folder($"F{folder}");
        }

        for (var n = 1; n <= 100_000; n++)
        {
            var folder = $"F{n % 50}";
            active.Item(folder, n % 2 == 0 ? Delivered("A", n) : Migrated("A", n));
            if (n % 100 != 0)
            {
                passive.Item(n % 1000 == 1 ? "Inbox" : folder, n % 2 == 0 ? Delivered("P", n, Props(read: n % 250 == 0)) : Migrated("P", n));
            }
        }

        var input = new ReconciliationInput("alice@example.test", active.Build(), passive.Build());
        var stopwatch = Stopwatch.StartNew();
        var plan = RepairPlanner.Plan(input);
        var first = stopwatch.Elapsed;
        stopwatch.Restart();
        var again = RepairPlanner.Plan(input);
        stopwatch.Stop();
        output.WriteLine(
            $"{input.Active.Items.Count} active and {input.Passive.Items.Count} passive items planned in {first.TotalMilliseconds:0} ms (first run), " +
            $"{stopwatch.Elapsed.TotalMilliseconds:0} ms (second): {plan.Repairs.Count} repairs");

        Assert.Equal(1000, plan.Count(RepairKind.CopyItem));
        Assert.Equal(100, plan.Count(RepairKind.MoveItem));
        Assert.Equal(200, plan.Count(RepairKind.UpdateItemProperties));
        Assert.Equal(plan.Repairs, again.Repairs);
        Assert.InRange(first, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }
}
