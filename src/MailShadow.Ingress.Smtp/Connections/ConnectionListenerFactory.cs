using SmtpServer;
using SmtpServer.Net;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>Hands SmtpServer the listener on the socket the ingress bound itself (so its port is known before start).</summary>
internal sealed class ConnectionListenerFactory(ConnectionListener listener) : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => listener;
}
