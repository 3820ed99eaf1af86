using SmtpServer;
using SmtpServer.Net;

namespace MailShadow.LabExchange.Smtp;

/// <summary>Hands the SMTP library the lab's own listener, which the endpoint has already bound.</summary>
internal sealed class LabEndpointListenerFactory(LabSmtpListener listener, LabSite site, HeldConnections held) : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => new LabEndpointListener(listener, site, held);
}
