using MailShadow.LabExchange.Faults;
using SmtpServer;

namespace MailShadow.LabExchange.Smtp;

/// <summary>Holds a session silent until its hang fault is removed or the session ends, then cuts the connection.</summary>
internal static class LabSmtpHang
{
    public static async Task HoldAsync(ISessionContext context, LabFaultHit hit, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hit.Released);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Released by the removal of the fault.
        }
        finally
        {
            Abort(context);
        }
    }

    public static void Abort(ISessionContext context)
    {
        if (context.Properties.TryGetValue(LabSmtpConnection.PropertyKey, out var value) && value is LabSmtpConnection connection)
        {
            connection.Abort();
        }
    }
}
