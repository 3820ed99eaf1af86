namespace MailShadow.Ews.Model;

/// <summary>A response message with the operation's payload, present on success (and on some warnings).</summary>
public sealed class EwsResult<T> : EwsResult
{
    internal EwsResult(EwsResponseClass responseClass, string responseCode, string? messageText, IReadOnlyDictionary<string, string>? messageXml, T? value)
        : base(responseClass, responseCode, messageText, messageXml)
    {
        Value = value;
    }

    public T? Value { get; }

    /// <summary>The payload; throws <see cref="EwsResponseException"/> if the message reports an error or carried none.</summary>
    public T GetValueOrThrow()
    {
        EnsureSuccess();
        return Value ?? throw new EwsResponseException(this, $"The {ResponseCode} response carried no value.");
    }
}
