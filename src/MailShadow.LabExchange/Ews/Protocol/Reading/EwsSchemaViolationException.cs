using System.Xml;
using System.Xml.Linq;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>
/// Thrown inside the request parsers when a request breaks the schema; <see cref="EwsRequestReader"/> turns it into an
/// <c>ErrorSchemaValidation</c> fault carrying the line and position, as Exchange reports them.
/// </summary>
internal sealed class EwsSchemaViolationException : Exception
{
    public EwsSchemaViolationException(string violation, XObject? at)
        : base(violation)
    {
        if (at is IXmlLineInfo info && info.HasLineInfo())
        {
            Line = info.LineNumber;
            Position = info.LinePosition;
        }
    }

    public EwsSchemaViolationException()
        : base("The request failed schema validation.")
    {
    }

    public EwsSchemaViolationException(string message)
        : base(message)
    {
    }

    public EwsSchemaViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Position { get; }
}
