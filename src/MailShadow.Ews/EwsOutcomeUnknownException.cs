namespace MailShadow.Ews;

/// <summary>
/// A mutating operation reached the server, but its answer was lost (connection dropped mid-response, timeout after the
/// request was sent, a gateway error, an unreadable reply). The server may or may not have applied it, so it was NOT
/// retried: check the server's state (for example by correlation property or InternetMessageId) before applying it again.
/// </summary>
public sealed class EwsOutcomeUnknownException : EwsException
{
    public EwsOutcomeUnknownException()
        : base("The outcome of the operation is unknown.")
    {
    }

    public EwsOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public EwsOutcomeUnknownException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True: the call may be completed later, but only after checking whether it already took effect.</summary>
    public override bool IsTransient => true;
}
