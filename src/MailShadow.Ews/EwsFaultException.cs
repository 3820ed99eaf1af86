namespace MailShadow.Ews;

/// <summary>
/// The server refused the whole request with a SOAP fault (HTTP 500), for example <c>ErrorServerBusy</c> after the
/// allowed retries, <c>ErrorInvalidRequest</c> for an unsupported version, or <c>ErrorSchemaValidation</c>.
/// </summary>
public sealed class EwsFaultException : EwsException
{
    private static readonly IReadOnlyDictionary<string, string> _noDetails = new Dictionary<string, string>();
    private readonly string _responseCode;
    private readonly string? _messageText;

    public EwsFaultException()
        : this("ErrorInternalServerError", null, null, null)
    {
    }

    public EwsFaultException(string message)
        : this("ErrorInternalServerError", message, null, null)
    {
    }

    public EwsFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        _responseCode = "ErrorInternalServerError";
        Details = _noDetails;
    }

    public EwsFaultException(string responseCode, string? messageText, TimeSpan? backOff, IReadOnlyDictionary<string, string>? details)
        : base($"The server refused the request: {responseCode}{(messageText is null ? "" : $" ({messageText})")}.")
    {
        _responseCode = responseCode;
        _messageText = messageText;
        BackOff = backOff;
        Details = details ?? _noDetails;
    }

    public override string ResponseCode => _responseCode;

    public override string? MessageText => _messageText;

    /// <summary>The wait the server asked for (<c>BackOffMilliseconds</c>), if it did.</summary>
    public TimeSpan? BackOff { get; }

    /// <summary>The fault's <c>MessageXml</c> values by name.</summary>
    public IReadOnlyDictionary<string, string> Details { get; }

    public override bool IsTransient => EwsResponseCodes.IsTransient(_responseCode);
}
