using System.Net;
using System.Xml.Linq;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>One EWS answer: the HTTP status, the parsed envelope, and helpers to read response messages and faults.</summary>
internal sealed class EwsReply(HttpStatusCode status, string? contentType, string text, XDocument document)
{
    public static readonly XNamespace S = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace M = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public static readonly XNamespace T = "http://schemas.microsoft.com/exchange/services/2006/types";
    public static readonly XNamespace E = "http://schemas.microsoft.com/exchange/services/2006/errors";

    public HttpStatusCode Status { get; } = status;

    public string? ContentType { get; } = contentType;

    public string Text { get; } = text;

    public XDocument Document { get; } = document;

    public XElement? Fault => Document.Root?.Element(S + "Body")?.Element(S + "Fault");

    /// <summary>The fault's response code (detail/e:ResponseCode), or null when the answer is not a fault.</summary>
    public string? FaultCode => Fault?.Element("detail")?.Element(E + "ResponseCode")?.Value;

    public XElement? ServerVersionInfo => Document.Root?.Element(S + "Header")?.Element(T + "ServerVersionInfo");

    /// <summary>Every <c>m:*ResponseMessage</c>, in order.</summary>
    public IReadOnlyList<XElement> Messages =>
        [.. Document.Root?.Element(S + "Body")?.Elements().FirstOrDefault()?.Element(M + "ResponseMessages")?.Elements() ?? []];

    public IReadOnlyList<string> Codes => [.. Messages.Select(message => message.Element(M + "ResponseCode")?.Value ?? "")];

    public XElement Single()
    {
        Assert.Single(Messages);
        return Messages[0];
    }

    /// <summary>Asserts every message succeeded and returns them.</summary>
    public IReadOnlyList<XElement> Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"HTTP {(int)Status}: {Text}");
        Assert.All(Codes, code => Assert.Equal("NoError", code));
        return Messages;
    }
}
