namespace MailShadow.Ews;

/// <summary>
/// A response could not be accepted: not well-formed, not EWS, larger than the configured limits, or carrying a DTD
/// (refused outright, so entity expansion never happens). Retrying the same read would most likely fail the same way.
/// </summary>
public sealed class EwsProtocolException : EwsException
{
    public EwsProtocolException()
        : base("The EWS response could not be read.")
    {
    }

    public EwsProtocolException(string message)
        : base(message)
    {
    }

    public EwsProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => false;
}
