namespace MailShadow.LabExchange.Store;

/// <summary>The value of a store operation, or why there is none.</summary>
public readonly record struct LabStoreResult<T>(T? Value, LabStoreError Error)
    where T : class
{
    public bool Succeeded => Error == LabStoreError.None;

    public static implicit operator LabStoreResult<T>(LabStoreError error) => new(null, error);

    /// <summary>The value; throws when the operation failed (for callers that already know it cannot).</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException($"The lab store operation failed: {Error}.");
}

/// <summary>Builds <see cref="LabStoreResult{T}"/> values.</summary>
public static class LabStoreResult
{
    public static LabStoreResult<T> Ok<T>(T value)
        where T : class => new(value, LabStoreError.None);
}
