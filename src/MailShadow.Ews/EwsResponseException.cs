using MailShadow.Ews.Model;

namespace MailShadow.Ews;

/// <summary>Thrown by <see cref="EwsResult.EnsureSuccess"/> for a response message that reports an error.</summary>
public sealed class EwsResponseException : EwsException
{
    public EwsResponseException()
        : base("The response message reports an error.")
    {
    }

    public EwsResponseException(string message)
        : base(message)
    {
    }

    public EwsResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EwsResponseException(EwsResult result, string? message = null)
        : base(message ?? $"The server reported {result}.")
    {
        Result = result;
    }

    /// <summary>The failed response message.</summary>
    public EwsResult? Result { get; }

    public override string? ResponseCode => Result?.ResponseCode;

    public override string? MessageText => Result?.MessageText;

    public override bool IsTransient => EwsResponseCodes.IsTransient(Result?.ResponseCode);
}
