namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>Running totals for one site since start, for the progress view.</summary>
internal sealed class SiteCounters
{
    private long _delivered;
    private long _failed;
    private long _retried;
    private long _refused;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Retried => Interlocked.Read(ref _retried);

    public long RecipientsRefused => Interlocked.Read(ref _refused);

    public void AddDelivered() => Interlocked.Increment(ref _delivered);

    public void AddFailed() => Interlocked.Increment(ref _failed);

    public void AddRetried() => Interlocked.Increment(ref _retried);

    public void AddRefused(int recipients) => Interlocked.Add(ref _refused, recipients);
}
