using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>
/// The "connection dropped mid-answer" fault: the status line, headers (announcing the whole body's length) and the
/// first bytes of the real answer go out, then the connection closes. They are written to the socket directly and the
/// sending side is shut down before the connection is aborted, so the client reliably receives the partial answer
/// and then end-of-stream — rather than a reset that could discard what was sent.
/// </summary>
internal static class EwsConnectionDropper
{
    public static async Task DropAsync(HttpContext http, byte[] body, int afterBytes, CancellationToken cancellationToken)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"));
        var partial = body.AsMemory(0, Math.Min(afterBytes, body.Length));
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                await socket.SendAsync(head, SocketFlags.None, cancellationToken);
                await socket.SendAsync(partial, SocketFlags.None, cancellationToken);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client went first; the connection is being dropped anyway.
            }
        }
        else
        {
            // Without the socket (another transport), the partial answer goes through the server and the abort cuts it.
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/xml; charset=utf-8";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(partial, cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }

        http.Abort();
    }
}
