namespace MailShadow.LabExchange.Smtp;

/// <summary>What the SMTP endpoint has done since the site started.</summary>
internal sealed class LabSmtpCounters
{
    private long _sessions;
    private long _messagesReceived;
    private long _recipientsRejected;
    private long _faultsStruck;
    private long _connectionsDropped;

    public long Sessions => Interlocked.Read(ref _sessions);

    /// <summary>Messages whose content the lab accepted (delivered, or discarded as a duplicate).</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    public long RecipientsRejected => Interlocked.Read(ref _recipientsRejected);

    public long FaultsStruck => Interlocked.Read(ref _faultsStruck);

    public long ConnectionsDropped => Interlocked.Read(ref _connectionsDropped);

    public void SessionStarted() => Interlocked.Increment(ref _sessions);

    public void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    public void RecipientRejected() => Interlocked.Increment(ref _recipientsRejected);

    public void FaultStruck() => Interlocked.Increment(ref _faultsStruck);

    public void ConnectionDropped() => Interlocked.Increment(ref _connectionsDropped);
}
