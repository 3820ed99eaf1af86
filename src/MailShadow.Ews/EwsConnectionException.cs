namespace MailShadow.Ews;

/// <summary>
/// The server could not be reached, or (for a read) the answer was lost, on every allowed attempt. For a mutating
/// operation this exception means the request provably did not reach the server whole, so nothing was applied.
/// </summary>
public sealed class EwsConnectionException : EwsException
{
    public EwsConnectionException()
        : base("The EWS server could not be reached.")
    {
    }

    public EwsConnectionException(string message)
        : base(message)
    {
    }

    public EwsConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
