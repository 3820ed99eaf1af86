using System.Buffers;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// Stores each received message, byte for byte, in every recipient's Inbox. It never throws: the SMTP library would
/// turn an exception into a permanent 554 and the sender would bounce the mail, so store failures become 4xx replies.
/// Injected DATA faults strike before the store is touched.
/// </summary>
internal sealed class LabMessageStore(LabSite site) : IMessageStore
{
    private long _internalId;

    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        var recipients = transaction.To.Select(to => to.AsAddress() ?? "").ToList();
        var mime = ToMessageBytes(buffer);
        try
        {
            if (site.Faults.Strike(LabSmtpFaultStage.Data, recipients) is { } hit)
            {
                return await ApplyAsync(context, hit, recipients, mime, cancellationToken);
            }

            return Deliver(recipients, mime);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.UnexpectedSaveFailure(site.SmtpLogger, site.SiteName, exception);
            return LabSmtpReplies.ForStoreFailure(LabStoreFailure.Unavailable);
        }
    }

    /// <summary>
    /// The library hands over the content without the CRLF that ends its last line (it counts it as part of the
    /// terminating "CRLF.CRLF"); SMTP counts it as the message's, so it is put back.
    /// </summary>
    internal static byte[] ToMessageBytes(ReadOnlySequence<byte> buffer)
    {
        var bytes = new byte[buffer.Length + 2];
        buffer.CopyTo(bytes);
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private async Task<SmtpResponse> ApplyAsync(
        ISessionContext context,
        LabFaultHit hit,
        List<string> recipients,
        byte[] mime,
        CancellationToken cancellationToken)
    {
        site.Counters.FaultStruck();
        Log.FaultStruck(site.SmtpLogger, site.SiteName, hit.Fault.Id, hit.Fault.Kind, hit.Fault.Stage);
        switch (hit.Fault.Kind)
        {
            case LabSmtpFaultKind.Hang:
                await LabSmtpHang.HoldAsync(context, hit, cancellationToken);
                site.Counters.ConnectionDropped();
                return SmtpResponse.ServiceClosingTransmissionChannel;
            case LabSmtpFaultKind.DropAfterData:
                var stored = hit.Fault.StoreMessage && Deliver(recipients, mime).ReplyCode == SmtpReplyCode.Ok;
                LabSmtpHang.Abort(context);
                site.Counters.ConnectionDropped();
                Log.ConnectionDropped(site.SmtpLogger, site.SiteName, stored);
                return SmtpResponse.ServiceClosingTransmissionChannel;
            default:
                var reply = hit.Fault.Reply!;
                Log.MessageRejected(site.SmtpLogger, site.SiteName, reply.Code, reply.Text);
                return reply.ToResponse();
        }
    }

    private SmtpResponse Deliver(List<string> recipients, byte[] mime)
    {
        IReadOnlyList<LabDeliveryResult> results;
        try
        {
            results = site.Store.Deliver(recipients, mime);
        }
        catch (LabStoreException exception)
        {
            Log.StoreFailed(site.SmtpLogger, site.SiteName, exception.Failure, exception);
            return LabSmtpReplies.ForStoreFailure(exception.Failure);
        }

        string? messageId = null;
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case LabDeliveryOutcome.Delivered:
                    messageId ??= result.Item!.InternetMessageId;
                    Log.MessageDelivered(site.SmtpLogger, site.SiteName, result.Mailbox, result.Item!.TransactionId, result.Item.Id);
                    break;
                case LabDeliveryOutcome.DuplicateSuppressed:
                    Log.DuplicateSuppressed(site.SmtpLogger, site.SiteName, result.Mailbox, result.TransactionId);
                    break;
                case LabDeliveryOutcome.MailboxNotFound:
                    Log.MailboxVanished(site.SmtpLogger, site.SiteName, result.Mailbox);
                    break;
            }
        }

        site.Counters.MessageReceived();
        return LabSmtpReplies.Queued(messageId, Interlocked.Increment(ref _internalId), site.ServerName);
    }
}
