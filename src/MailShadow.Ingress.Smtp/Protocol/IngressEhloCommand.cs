using System.Globalization;
using SmtpServer;
using SmtpServer.Protocol;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>
/// EHLO offering exactly what this server honours: no SMTPUTF8 (sites are not asked for it on delivery) and no AUTH
/// (nothing here is relayed for anyone), but ENHANCEDSTATUSCODES, which every reply carries.
/// </summary>
internal sealed class IngressEhloCommand(string domainOrAddress) : EhloCommand(domainOrAddress)
{
    protected override string GetGreeting(ISessionContext context) => $"{context.ServerOptions.ServerName} Hello {DomainOrAddress}";

    protected override IEnumerable<string> GetExtensions(ISessionContext context)
    {
        yield return "SIZE " + context.ServerOptions.MaxMessageSizeOptions.Length.ToString(CultureInfo.InvariantCulture);
        yield return "PIPELINING";
        yield return "8BITMIME";
        yield return "ENHANCEDSTATUSCODES";
        if (!context.Pipe.IsSecure && context.EndpointDefinition.CertificateFactory is not null)
        {
            yield return "STARTTLS";
        }
    }
}
