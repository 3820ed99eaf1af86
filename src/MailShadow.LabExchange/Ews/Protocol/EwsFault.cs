namespace MailShadow.LabExchange.Ews.Protocol;

/// <summary>
/// A request-level failure, answered as an HTTP 500 SOAP fault the way Exchange answers it: <c>faultcode</c>
/// <c>a:&lt;code&gt;</c>, the text in <c>faultstring</c> and <c>detail/e:Message</c>, and <c>detail/t:MessageXml</c> for
/// the back-off of a busy server or the position of a schema violation.
/// </summary>
internal sealed record EwsFault(string ResponseCode, string Message)
{
    /// <summary><c>t:Value Name="…"</c> pairs, for example BackOffMilliseconds.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; init; } = [];

    /// <summary>Where a schema violation was found, and what it was.</summary>
    public (int Line, int Position, string Violation)? SchemaViolation { get; init; }

    public static EwsFault Of(string responseCode) => new(responseCode, EwsResponseCodes.MessageFor(responseCode));

    public static EwsFault ServerBusy(int backOffMilliseconds) => Of(EwsResponseCodes.ErrorServerBusy) with
    {
        Values = [new("BackOffMilliseconds", backOffMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture))],
    };

    public static EwsFault Schema(int line, int position, string violation) => Of(EwsResponseCodes.ErrorSchemaValidation) with
    {
        SchemaViolation = (line, position, violation),
    };
}
