using System.Globalization;

namespace MailShadow.Ews.Model;

/// <summary>
/// One response message: the outcome for one requested id (or for the whole call, for operations with a single message).
/// A per-item failure such as <c>ErrorItemNotFound</c> is a value of this type, not an exception.
/// </summary>
public class EwsResult
{
    private static readonly IReadOnlyDictionary<string, string> _noDetails = new Dictionary<string, string>();

    internal EwsResult(EwsResponseClass responseClass, string responseCode, string? messageText, IReadOnlyDictionary<string, string>? messageXml)
    {
        ResponseClass = responseClass;
        ResponseCode = responseCode;
        MessageText = messageText;
        MessageXml = messageXml ?? _noDetails;
    }

    public EwsResponseClass ResponseClass { get; }

    /// <summary><c>NoError</c> on success, otherwise the schema's <c>ResponseCodeType</c> value (see <see cref="EwsResponseCodes"/>).</summary>
    public string ResponseCode { get; }

    /// <summary>The server's explanation, for errors and warnings.</summary>
    public string? MessageText { get; }

    /// <summary>The <c>t:Value Name="…"</c> pairs of the message's <c>MessageXml</c>, if any.</summary>
    public IReadOnlyDictionary<string, string> MessageXml { get; }

    public bool IsSuccess => ResponseClass == EwsResponseClass.Success;

    /// <summary>How long the server asked the client to wait (<c>BackOffMilliseconds</c>), if it did.</summary>
    public TimeSpan? BackOff =>
        MessageXml.TryGetValue("BackOffMilliseconds", out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>Throws <see cref="EwsResponseException"/> unless this message reports success.</summary>
    public void EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw new EwsResponseException(this);
        }
    }

    public override string ToString() => MessageText is null ? ResponseCode : $"{ResponseCode}: {MessageText}";
}
