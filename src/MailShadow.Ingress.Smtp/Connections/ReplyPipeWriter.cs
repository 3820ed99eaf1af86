using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>
/// The output SmtpServer writes its replies to. Each flush is one reply; it is rewritten by the connection
/// (<see cref="Protocol.ReplyRewriter"/>) before it reaches the client.
/// </summary>
internal sealed class ReplyPipeWriter(SmtpConnection connection, PipeWriter inner) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new(256);
    private PipeWriter _inner = inner;

    public PipeWriter Inner => _inner;

    /// <summary>Switches to the TLS stream; returns the plain-text writer.</summary>
    public PipeWriter Replace(PipeWriter inner)
    {
        var previous = _inner;
        _inner = inner;
        return previous;
    }

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() => _inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (connection.IsClosing)
        {
            _pending.ResetWrittenCount();
            return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: true));
        }

        var written = _pending.WrittenSpan;
        var urgent = false;
        while (!written.IsEmpty)
        {
            var end = written.IndexOf("\r\n"u8);
            var line = end < 0 ? written : written[..end];
            var reply = connection.RewriteReply(Encoding.ASCII.GetString(line));
            urgent |= !reply.StartsWith('2') || reply.StartsWith("221", StringComparison.Ordinal) || reply.Contains("\n421 ", StringComparison.Ordinal);
            WriteLine(reply);
            written = end < 0 ? default : written[(end + 2)..];
        }

        _pending.ResetWrittenCount();

        // With PIPELINING, a positive reply to a command that has another one queued behind it goes out together with
        // the next reply (RFC 2920 section 3.1): one send per group instead of one per command. A reply is held only
        // while a complete command is already buffered, so the server never waits for input with a reply unsent, and
        // anything the client may act on at once (354, errors, 221) goes immediately.
        if (!urgent && connection.State.MoreCommandsBuffered)
        {
            return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: false));
        }

        return FlushInnerAsync();
    }

    /// <summary>Writes a line of our own, bypassing the rewrite.</summary>
    public ValueTask<FlushResult> WriteDirectAsync(string line)
    {
        WriteLine(line);
        return FlushInnerAsync();
    }

    /// <summary>
    /// Not the session's token: a reply for a message already journaled must still go out while the server stops.
    /// Instead a client that stops reading (so its receive window fills) is cut off after the command timeout,
    /// rather than holding a session slot for ever.
    /// </summary>
    private ValueTask<FlushResult> FlushInnerAsync()
    {
        var flush = _inner.FlushAsync(CancellationToken.None);
        return flush.IsCompleted ? flush : WaitAsync(flush);

        async ValueTask<FlushResult> WaitAsync(ValueTask<FlushResult> pending)
        {
            try
            {
                return await pending.AsTask().WaitAsync(connection.Settings.CommandTimeout, connection.Settings.Time);
            }
            catch (TimeoutException)
            {
                connection.Abort("the client stopped reading replies");
                return new FlushResult(isCanceled: false, isCompleted: true);
            }
        }
    }

    private void WriteLine(string text)
    {
        var span = _inner.GetSpan(text.Length + 2);
        var length = Encoding.ASCII.GetBytes(text, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        _inner.Advance(length + 2);
    }
}
