using SmtpServer;
using SmtpServer.Protocol;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>HELO answered plainly, like EHLO.</summary>
internal sealed class IngressHeloCommand(string domainOrAddress) : HeloCommand(domainOrAddress)
{
    protected override string GetGreeting(ISessionContext context) => $"{context.ServerOptions.ServerName} Hello {DomainOrAddress}";
}
