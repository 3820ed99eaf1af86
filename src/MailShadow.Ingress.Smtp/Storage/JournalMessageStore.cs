using System.Buffers;
using System.Text;
using MailShadow.Ingress.Smtp.Connections;
using MailShadow.Ingress.Smtp.Protocol;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MailShadow.Ingress.Smtp.Storage;

/// <summary>
/// Journals an accepted message and answers DATA. The 250 goes out only once the journal says the transaction is
/// durable; a refusal or a journal failure leaves nothing in the journal. It never throws: SmtpServer would turn an
/// exception into 554, and the sender would bounce a message we merely failed to store for a moment.
/// </summary>
internal sealed class JournalMessageStore(
    IJournal journal,
    SiteTopology topology,
    string serverName,
    long maxMessageSize,
    long maxHeaderSize,
    TimeProvider time,
    ILogger logger) : IMessageStore, IMessageStoreFactory
{
    public IMessageStore CreateInstance(ISessionContext context) => this;

    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var state = SessionState.Of(context);
        try
        {
            return ToResponse(await StoreAsync(context, state, transaction, buffer));
        }
        catch (Exception ex)
        {
            Log.StoreFailed(logger, state.Remote, ex);
            return ToResponse(Replies.LocalError);
        }
        finally
        {
            state.EndTransaction();
        }
    }

    private async Task<string> StoreAsync(ISessionContext context, SessionState state, IMessageTransaction transaction, ReadOnlySequence<byte> data)
    {
        // SmtpServer un-stuffs dots only after a CRLF, so a dot-stuffed first line still has its extra dot.
        if (FirstByte(data) == (byte)'.')
        {
            data = data.Slice(1);
        }

        if (state.Oversized || data.Length > maxMessageSize)
        {
            Log.MessageRefused(logger, state.Remote, "size", data.Length);
            return Replies.MessageTooLarge;
        }

        var id = TransactionId.New();
        var receivedAt = time.GetUtcNow();
        var client = state.Remote.Address.IsIPv4MappedToIPv6 ? state.Remote.Address.MapToIPv4() : state.Remote.Address;
        var trace = TraceHeaderWriter.Format(state.Helo, client, serverName, context.Pipe.IsSecure, id, receivedAt);

        // The one copy of the message: trace fields, the data as received, and the CRLF before the terminating dot.
        var payload = GC.AllocateUninitializedArray<byte>(trace.Length + (int)data.Length + 2);
        var traceLength = Encoding.ASCII.GetBytes(trace, payload);
        data.CopyTo(payload.AsSpan(traceLength));
        payload[^2] = (byte)'\r';
        payload[^1] = (byte)'\n';

        var defect = MessageInspector.Inspect(payload.AsSpan(traceLength, (int)data.Length), maxHeaderSize);
        if (defect != MessageDefect.None)
        {
            Log.MessageRefused(logger, state.Remote, defect.ToString(), data.Length);
            return defect == MessageDefect.HeaderTooLarge ? Replies.HeaderTooLarge : Replies.BareLineEnding;
        }

        var recipients = Recipients(transaction);
        var envelope = new SmtpEnvelope(MailboxText.Format(transaction.From), recipients, receivedAt, client.ToString(), state.Helo);
        var mailboxes = recipients.Select(recipient => recipient.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        var entry = new NewTransaction(TransactionKind.SmtpMessage, mailboxes, envelope.ToJson(), payload, topology.Sites) { Id = id };

        try
        {
            // Not the session's token: once handed to the journal the append must finish either way, or a 250
            // could be missing for a message that is in fact durable.
            await journal.AppendAsync(entry, CancellationToken.None);
        }
        catch (JournalException ex)
        {
            Log.JournalFailed(logger, id.ToString(), ex.Failure, ex);
            return ex.Failure == JournalFailure.StorageFull ? Replies.StorageFull : Replies.JournalUnavailable;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.MessageAccepted(logger, id.ToString(), payload.Length, recipients.Length, state.Remote);
        }
        return Replies.Queued(id);
    }

    // A recipient given twice is delivered once.
    private static string[] Recipients(IMessageTransaction transaction) =>
        transaction.To.Select(MailboxText.Format).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static int FirstByte(in ReadOnlySequence<byte> data)
    {
        foreach (var segment in data)
        {
            if (!segment.IsEmpty)
            {
                return segment.Span[0];
            }
        }

        return -1;
    }

    private static SmtpResponse ToResponse(string line) => new((SmtpReplyCode)int.Parse(line.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture), line[4..]);
}
