using System.Globalization;
using System.Net;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;

namespace MailShadow.LabExchange.Smtp;

/// <summary>EHLO answered as an Exchange receive connector answers it, with the extensions the lab implements.</summary>
internal sealed class LabEhloCommand(string domainOrAddress) : EhloCommand(domainOrAddress)
{
    protected override string GetGreeting(ISessionContext context)
    {
        var remote = context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var value) && value is IPEndPoint endpoint
            ? endpoint.Address.ToString()
            : DomainOrAddress;
        return $"{context.ServerOptions.ServerName} Hello [{remote}]";
    }

    protected override IEnumerable<string> GetExtensions(ISessionContext context)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"SIZE {context.ServerOptions.MaxMessageSizeOptions.Length}");
        yield return "PIPELINING";
        yield return "ENHANCEDSTATUSCODES";
        yield return "8BITMIME";
    }
}
