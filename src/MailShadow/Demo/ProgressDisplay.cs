using System.Globalization;

namespace MailShadow.Demo;

/// <summary>
/// One status line: rewritten in place on a terminal, printed once a second when output is redirected
/// (so a log file is readable, not a wall of carriage returns).
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool interactive)
{
    private DateTimeOffset _lastPrinted = DateTimeOffset.MinValue;
    private int _lastLength;

    public void Show(TimeSpan elapsed, int accepted, int total, IReadOnlyList<SiteProgress> sites, DateTimeOffset now, bool force = false)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[{elapsed.TotalSeconds,5:0.0}s] accepted {accepted}/{total}");
        foreach (var site in sites)
        {
            var state = site.Down ? " DOWN" : "";
            line += string.Create(CultureInfo.InvariantCulture, $" | {site.Site}{state}: {site.Applied} delivered, {site.Queued} queued, lag {site.Lag.TotalSeconds:0.0}s");
        }

        if (interactive)
        {
            output.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
            return;
        }

        if (force || now - _lastPrinted >= TimeSpan.FromSeconds(1))
        {
            output.WriteLine(line);
            _lastPrinted = now;
        }
    }

    public void Note(string text)
    {
        if (interactive && _lastLength > 0)
        {
            output.WriteLine();
            _lastLength = 0;
        }

        output.WriteLine(text);
    }

    public void End()
    {
        if (interactive && _lastLength > 0)
        {
            output.WriteLine();
            _lastLength = 0;
        }
    }
}
