namespace MailShadow.Demo;

/// <summary>What the demo observed of one site while it ran.</summary>
internal sealed class SiteProgress(string site)
{
    public string Site { get; } = site;

    public long Applied { get; set; }

    public long Queued { get; set; }

    public long Failed { get; set; }

    public long PeakQueued { get; set; }

    public TimeSpan Lag { get; set; }

    public TimeSpan PeakLag { get; set; }

    public bool Down { get; set; }

    public void Observe(long applied, long queued, long failed, TimeSpan lag)
    {
        Applied = applied;
        Queued = queued;
        Failed = failed;
        Lag = lag;
        PeakQueued = Math.Max(PeakQueued, queued);
        PeakLag = lag > PeakLag ? lag : PeakLag;
    }
}
