namespace MailShadow.Ews;

/// <summary>
/// An EWS call failed as a whole. Per-item failures are not exceptions: they are <see cref="Model.EwsResult"/> values.
/// <see cref="IsTransient"/> says whether the same call may succeed later.
/// </summary>
public abstract class EwsException : Exception
{
    protected EwsException()
    {
    }

    protected EwsException(string message)
        : base(message)
    {
    }

    protected EwsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The EWS operation (<c>GetItem</c>, <c>CreateItem</c> …), when known.</summary>
    public string? Operation { get; internal set; }

    /// <summary>The EWS response code, when the server gave one.</summary>
    public virtual string? ResponseCode => null;

    /// <summary>The server's explanation, when it gave one.</summary>
    public virtual string? MessageText => null;

    public abstract bool IsTransient { get; }

    /// <summary>How many HTTP attempts the call made before giving up.</summary>
    public int Attempts { get; internal set; }

    /// <summary>
    /// For a call sent in several batches: how many of the caller's inputs (ids, items, changes) were in batches that
    /// completed before this failure. Their results are lost to the caller, but they were applied.
    /// </summary>
    public int CompletedInputCount { get; internal set; }
}
