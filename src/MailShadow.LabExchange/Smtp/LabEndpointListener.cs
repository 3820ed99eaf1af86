using MailShadow.LabExchange.Faults;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// Accepts connections for the SMTP library. A connection that meets a hang fault at connect is held unanswered;
/// every other becomes a <see cref="LabSmtpConnection"/> whose replies are worded as Exchange's.
/// </summary>
internal sealed class LabEndpointListener(LabSmtpListener listener, LabSite site, HeldConnections held) : IEndpointListener
{
    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            var client = await listener.AcceptAsync(cancellationToken);
            if (site.Faults.Strike(LabSmtpFaultStage.Connect, []) is { } hit)
            {
                site.Counters.FaultStruck();
                Log.FaultStruck(site.SmtpLogger, site.SiteName, hit.Fault.Id, hit.Fault.Kind, hit.Fault.Stage);
                Log.ConnectionHeld(site.SmtpLogger, site.SiteName, client.Client.RemoteEndPoint?.ToString());
                held.Hold(client, hit.Released);
                continue;
            }

            var connection = new LabSmtpConnection(client);
            context.Properties[LabSmtpConnection.PropertyKey] = connection;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndPoint;
            if (connection.RemoteEndPoint is { } remote)
            {
                context.Properties[EndpointListener.RemoteEndPointKey] = remote;
            }

            context.CommandExecuting += (_, e) => connection.CurrentCommand = e.Command.Name;
            return connection;
        }
    }

    /// <summary>The endpoint owns the socket and stops it itself.</summary>
    public void Dispose()
    {
    }
}
