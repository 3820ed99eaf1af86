namespace MailShadow.Journal;

/// <summary>Why the journal could not make something durable.</summary>
public enum JournalFailure
{
    /// <summary>The store is unavailable or an I/O error occurred; retrying later may succeed.</summary>
    Unavailable,

    /// <summary>The disk (or quota) is full.</summary>
    StorageFull,

    /// <summary>The journal is closed.</summary>
    Closed,
}

/// <summary>
/// Thrown when an append or update did not become durable. Nothing of the failed write is visible afterwards.
/// </summary>
public sealed class JournalException : Exception
{
    public JournalException(JournalFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public JournalException()
        : this(JournalFailure.Unavailable, "The journal failed.")
    {
    }

    public JournalException(string message)
        : this(JournalFailure.Unavailable, message)
    {
    }

    public JournalException(string message, Exception innerException)
        : this(JournalFailure.Unavailable, message, innerException)
    {
    }

    /// <summary>Why it failed.</summary>
    public JournalFailure Failure { get; }

    /// <summary>True when the same write may succeed later.</summary>
    public bool IsTransient => Failure is JournalFailure.Unavailable or JournalFailure.StorageFull;
}
