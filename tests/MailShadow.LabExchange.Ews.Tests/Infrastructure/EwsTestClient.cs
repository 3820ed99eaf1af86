using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// Sends hand-written SOAP requests to the lab's EWS endpoint with Basic credentials, as exchangelib does, and checks
/// every XML answer against the EWS schema before the test sees it.
/// </summary>
internal sealed class EwsTestClient(HttpClient http, Uri endpoint, string user, string password, ITestOutputHelper output)
{
    public const string MessagesNamespace = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public const string TypesNamespace = "http://schemas.microsoft.com/exchange/services/2006/types";

    /// <summary>Wraps <paramref name="operation"/> (m:/t: prefixes) in an envelope with the given SOAP headers, and sends it.</summary>
    public Task<EwsReply> CallAsync(string operation, string? version = "Exchange2016", string? impersonate = null, string? extraHeaders = null) =>
        SendAsync(Envelope(operation, version, impersonate, extraHeaders));

    public static string Envelope(string operation, string? version = "Exchange2016", string? impersonate = null, string? extraHeaders = null)
    {
        var header = new StringBuilder();
        if (version is not null)
        {
            header.Append($"<t:RequestServerVersion Version=\"{version}\"/>");
        }

        if (impersonate is not null)
        {
            header.Append($"<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>{impersonate}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>");
        }

        header.Append(extraHeaders);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\"{MessagesNamespace}\" xmlns:t=\"{TypesNamespace}\">"
            + $"<s:Header>{header}</s:Header><s:Body>{operation}</s:Body></s:Envelope>";
    }

    public async Task<EwsReply> SendAsync(string envelope, string path = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.Length == 0 ? endpoint : new Uri(endpoint, path))
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.ToString();
        Log(envelope, (int)response.StatusCode, text);
        Assert.True(contentType == "text/xml; charset=utf-8", $"HTTP {(int)response.StatusCode} with Content-Type '{contentType}': {text}");
        EwsSchemaValidator.Instance.AssertValid(text, $"The answer to {OperationOf(envelope)}");
        return new EwsReply(response.StatusCode, contentType, text, XDocument.Parse(text));
    }

    private void Log(string request, int status, string response)
    {
        try
        {
            output.WriteLine($">>> {Shorten(request)}");
            output.WriteLine($"<<< HTTP {status} {Shorten(response)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished.
        }
    }

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;

    private static string OperationOf(string envelope)
    {
        var body = envelope.IndexOf("Body>", StringComparison.Ordinal);
        var start = body < 0 ? -1 : envelope.IndexOf('<', body);
        var end = start < 0 ? -1 : envelope.IndexOfAny([' ', '>', '/'], start);
        return start >= 0 && end > start ? envelope[(start + 1)..end] : "request";
    }
}
