namespace MailShadow.LabExchange.Store;

/// <summary>
/// The store's persistence failed; the store's state is unchanged. <see cref="IsTransient"/> tells whether trying
/// again later may succeed.
/// </summary>
public sealed class LabStoreException : Exception
{
    public LabStoreException(LabStoreFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public LabStoreException()
        : this(LabStoreFailure.Unavailable, "The lab store failed.")
    {
    }

    public LabStoreException(string message)
        : this(LabStoreFailure.Unavailable, message)
    {
    }

    public LabStoreException(string message, Exception innerException)
        : this(LabStoreFailure.Unavailable, message, innerException)
    {
    }

    public LabStoreFailure Failure { get; }

    public bool IsTransient => Failure is LabStoreFailure.DiskFull or LabStoreFailure.Busy or LabStoreFailure.IoError;
}
