using System.Globalization;

namespace MailShadow.Demo;

/// <summary>The closing report of the demo.</summary>
internal static class DemoSummary
{
    public static void Print(TextWriter output, DemoOutcome outcome, DemoVerification verification)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("Summary");
        output.WriteLine(string.Create(c, $"  accepted by the appliance   {outcome.Accepted.Count} of {outcome.Planned} sent, in {outcome.Elapsed.TotalSeconds:0.0}s"));
        if (outcome.StandbyDownAt is { } down && outcome.StandbyUpAt is { } up)
        {
            output.WriteLine(string.Create(c, $"  standby outage              {(up - down).TotalSeconds:0.0}s (from {down.TotalSeconds:0.0}s to {up.TotalSeconds:0.0}s)"));
        }

        foreach (var site in outcome.Sites)
        {
            var check = verification.Sites.FirstOrDefault(entry => entry.Site == site.Site);
            output.WriteLine(string.Create(c,
                $"  {site.Site,-8} delivered {site.Applied,5}   queued now {site.Queued,4} (peak {site.PeakQueued,4})   failed {site.Failed,3}   lag now {site.Lag.TotalSeconds,4:0.0}s (peak {site.PeakLag.TotalSeconds:0.0}s)"));
            if (check is not null)
            {
                output.WriteLine(string.Create(c,
                    $"           mailbox copies {check.Found}/{check.Expected} present, {check.Missing} missing, {check.Duplicated} duplicated"));
            }
        }

        output.WriteLine();
        if (outcome.CaughtUp && verification.AllExactlyOnce)
        {
            output.WriteLine("Result: every accepted message is on both sites, exactly once, despite the standby outage.");
        }
        else if (!outcome.CaughtUp)
        {
            output.WriteLine("Result: FAILED: the sites did not catch up within the time allowed.");
        }
        else
        {
            output.WriteLine("Result: FAILED: some mailbox copies are missing or duplicated (see above).");
        }
    }
}
