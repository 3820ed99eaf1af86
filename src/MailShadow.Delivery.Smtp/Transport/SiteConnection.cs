using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>One open SMTP session to a site, reused for many messages. Used by one attempt at a time.</summary>
internal sealed class SiteConnection : IAsyncDisposable
{
    private readonly DeliverySmtpClient _client;
    private readonly OutgoingMessage.Builder _outgoing;

    private SiteConnection(DeliverySmtpClient client, Socket socket, long number, DateTimeOffset openedAt)
    {
        _client = client;
        _outgoing = new OutgoingMessage.Builder(new SegmentCork(socket));
        Number = number;
        LastUsed = openedAt;
    }

    /// <summary>A per-site serial number, for logs.</summary>
    public long Number { get; }

    public int MessagesSent { get; private set; }

    public DateTimeOffset LastUsed { get; set; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects, negotiates TLS as configured and says EHLO; throws when the site cannot be reached.</summary>
    public static async Task<SiteConnection> OpenAsync(
        SiteEndpoint endpoint,
        SmtpDeliveryOptions options,
        long number,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var client = new DeliverySmtpClient
        {
            LocalDomain = options.ReportingMta,
            Timeout = (int)Math.Min(int.MaxValue, options.CommandTimeout.TotalMilliseconds),
        };
        if (endpoint.TrustAnyCertificate)
        {
            // Opt-in per site (SiteOptions.TrustAnyCertificate) for labs with self-signed certificates.
#pragma warning disable CA5359
            client.ServerCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
            client.CheckCertificateRevocation = false;
        }

        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            // Commands, the end of DATA and replies are small writes that wait for an answer: without this, Nagle's
            // algorithm meets the peer's delayed ACK and every message stalls for tens of milliseconds.
            NoDelay = true,
        };
        try
        {
            await socket.ConnectAsync(endpoint.Smtp.Host, endpoint.Smtp.Port, linked.Token);
            await client.ConnectAsync(socket, endpoint.Smtp.Host, endpoint.Smtp.Port, endpoint.Tls, linked.Token);
            return new SiteConnection(client, socket, number, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            socket.Dispose();
            throw new TimeoutException($"No SMTP greeting from {endpoint} within {options.ConnectTimeout}.");
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>NOOP: is a connection that sat idle still usable?</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// One SMTP transaction. Expected outcomes (refusals, lost connections) are results; only cancellation throws.
    /// </summary>
    public async Task<SendResult> SendAsync(ReadOnlyMemory<byte> payload, OutgoingEnvelope envelope, CancellationToken cancellationToken)
    {
        var recipients = new List<(MailboxAddress, string)>(envelope.Recipients.Count);
        var invalid = new List<RecipientResult>();
        foreach (var recipient in envelope.Recipients)
        {
            if (TryMailbox(recipient, out var mailbox))
            {
                recipients.Add((mailbox, recipient));
            }
            else
            {
                invalid.Add(new RecipientResult(recipient, RecipientDisposition.Permanent, "553 5.1.3 The recipient address is not valid."));
            }
        }

        MailboxAddress? sender = envelope.Sender is null ? new MailboxAddress("", "") : null;
        if (sender is null && !TryMailbox(envelope.Sender!, out sender))
        {
            return new SendResult(
                [.. envelope.Recipients.Select(r => new RecipientResult(r, RecipientDisposition.Permanent, "553 5.1.7 The sender address is not valid."))],
                Ambiguous: false,
                ConnectionReusable: true);
        }

        if (recipients.Count == 0)
        {
            return new SendResult(invalid, Ambiguous: false, ConnectionReusable: true);
        }

        var outgoing = _outgoing.Create(payload);
        var recorder = new SendRecorder(recipients);
        _client.Recorder = recorder;
        _client.CurrentSize = outgoing.Exact ? outgoing.Size : null;

        // BDAT (RFC 3030) where the site offers CHUNKING, as Exchange does: the bytes go out as they are, with no
        // dot-stuffing pass over them and no wait for a 354. It needs the exact size up front.
        _client.UseChunking = outgoing.Exact;
        try
        {
            var reply = await _client.SendAsync(outgoing.Format, outgoing.Message, sender, recipients.Select(r => r.Item1), cancellationToken);
            MessagesSent++;
            var delivered = (RecipientDisposition.Delivered, SmtpReplies.Format(SmtpStatusCode.Ok, reply));
            return Result(recorder.Results(delivered, (RecipientDisposition.Transient, "no reply to RCPT")), invalid, ambiguous: false, reusable: true);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            var reply = SmtpReplies.Format(ex.StatusCode, ex.Message);
            return Result(recorder.All(SmtpReplies.Classify(ex.StatusCode) == RecipientDisposition.Permanent ? RecipientDisposition.Permanent : RecipientDisposition.Transient, reply), invalid, false, _client.IsConnected);
        }
        catch (SmtpCommandException ex)
        {
            // Every recipient refused (MailKit then throws "no recipients"), or the site refused DATA or the message.
            var reply = SmtpReplies.Format(ex.StatusCode, ex.Message);
            var fate = SmtpReplies.Classify(ex.StatusCode) == RecipientDisposition.Permanent ? RecipientDisposition.Permanent : RecipientDisposition.Transient;
            var results = recorder.Accepted == 0 && recorder.EnvelopeAnswered
                ? recorder.Results((fate, reply), (RecipientDisposition.Transient, reply))
                : recorder.Results((fate, reply), (fate, reply));
            return Result(results, invalid, false, _client.IsConnected);
        }
        catch (ServiceNotAuthenticatedException ex)
        {
            var reply = SmtpReplies.Format(SmtpStatusCode.AuthenticationRequired, ex.Message);
            return Result(recorder.Results((RecipientDisposition.Transient, reply), (RecipientDisposition.Transient, reply)), invalid, false, reusable: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The session broke (reset, timeout, protocol error). Once every recipient was accepted the message may
            // have been transferred and committed before the reply was lost.
            var ambiguous = recorder.Accepted > 0 && recorder.EnvelopeAnswered;
            var failure = Describe(ex);
            var reply = ambiguous ? $"connection lost after DATA, outcome unknown: {failure}" : $"connection lost: {failure}";
            var transient = (RecipientDisposition.Transient, reply);
            return Result(recorder.Results(transient, transient), invalid, ambiguous, reusable: false) with { Failure = failure };
        }
        finally
        {
            _client.Recorder = null;
            _outgoing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception)
        {
            // A connection that cannot say QUIT is closed all the same.
        }
        finally
        {
            _client.Dispose();
            _outgoing.Dispose();
        }
    }

    internal static string Describe(Exception ex) => ex switch
    {
        SocketException socket => $"{socket.SocketErrorCode}: {socket.Message}",
        SslHandshakeException => $"TLS handshake failed: {ex.Message}",
        _ => ex.Message,
    };

    private static SendResult Result(IReadOnlyList<RecipientResult> results, List<RecipientResult> invalid, bool ambiguous, bool reusable) =>
        new(invalid.Count == 0 ? results : [.. results, .. invalid], ambiguous, reusable);

    private static bool TryMailbox(string address, out MailboxAddress mailbox)
    {
        try
        {
            mailbox = new MailboxAddress("", address);
            return true;
        }
        catch (ParseException)
        {
            mailbox = null!;
            return false;
        }
    }
}
