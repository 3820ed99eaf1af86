using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using MailShadow.Ingress.Smtp.Protocol;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>
/// The input SmtpServer reads from. It passes bytes through, and adds what SmtpServer lacks:
/// <list type="bullet">
/// <item>it notes each command line as SmtpServer consumes it, so replies and filters know the verb;</item>
/// <item>it bounds a command line (SmtpServer would buffer an endless one);</item>
/// <item>during DATA it hands SmtpServer the data only once the terminator has arrived, and when the data
/// outgrows the size limit it discards it as it arrives (keeping one byte) and flags the transaction, so memory
/// stays bounded and the store can answer 552;</item>
/// <item>it times out a client that stalls during DATA (SmtpServer only times out command lines).</item>
/// </list>
/// </summary>
internal sealed class IngressPipeReader(SmtpConnection connection, PipeReader inner) : PipeReader
{
    private PipeReader _inner = inner;

    public PipeReader Inner => _inner;
    private ReadOnlySequence<byte> _handedOut;
    private bool _lastWasCommand;
    private bool _dataComplete;
    private long _scanned;
    private bool _closed;

    private SessionState State => connection.State;

    /// <summary>Switches to the TLS stream; returns the plain-text reader.</summary>
    public PipeReader Replace(PipeReader inner)
    {
        var previous = _inner;
        _inner = inner;
        _lastWasCommand = false;
        return previous;
    }

    /// <summary>True when bytes the client sent are waiting unread (after STARTTLS that is an injection attempt).</summary>
    public bool HasBufferedInput()
    {
        if (!_inner.TryRead(out var result))
        {
            return false;
        }

        var any = !result.Buffer.IsEmpty;
        _inner.AdvanceTo(result.Buffer.Start);
        return any;
    }

    /// <summary>Makes every further read look like the end of the stream, so SmtpServer ends the session.</summary>
    public void Close() => _closed = true;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return new ValueTask<ReadResult>(Ended());
        }

        return State.InData ? ReadDataAsync(cancellationToken) : ReadCommandAsync(cancellationToken);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_closed)
        {
            result = Ended();
            return true;
        }

        return _inner.TryRead(out result);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        var moreLines = false;
        if (_lastWasCommand)
        {
            var line = _handedOut.Slice(_handedOut.Start, consumed);
            if (!line.IsEmpty)
            {
                State.LastCommand = CommandLine.Parse(line);
                moreLines = HasLine(_handedOut.Slice(consumed));
            }

            _lastWasCommand = false;
        }
        else if (_dataComplete)
        {
            _dataComplete = false;
            _scanned = 0;
            State.InData = false;
            moreLines = HasLine(_handedOut.Slice(consumed));
        }

        State.MoreCommandsBuffered = moreLines;
        _handedOut = default;
        _inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> ReadCommandAsync(CancellationToken cancellationToken)
    {
        var result = await _inner.ReadAsync(cancellationToken);
        var buffer = result.Buffer;
        if (buffer.Length > ConnectionSettings.MaxCommandLine && HasNoLineEnd(buffer))
        {
            _inner.AdvanceTo(buffer.End);
            await connection.CloseAsync(Replies.LineTooLong, "command line too long");
            return Ended();
        }

        _handedOut = buffer;
        _lastWasCommand = true;
        return result;

        static bool HasNoLineEnd(in ReadOnlySequence<byte> buffer) => !HasLine(buffer.Slice(0, ConnectionSettings.MaxCommandLine));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> ReadDataAsync(CancellationToken cancellationToken)
    {
        var limit = connection.Settings.MaxMessageSize + DotTerminator.Sequence.Length;
        while (true)
        {
            var read = await ReadWithTimeoutAsync(cancellationToken);
            if (read is not { } result)
            {
                return Ended();
            }

            var buffer = result.Buffer;
            if (result.IsCanceled || result.IsCompleted)
            {
                return result; // the client went away mid-DATA: SmtpServer never calls the store
            }

            // DATA followed at once by "." has no CRLF before the dot for SmtpServer to see, so it would wait
            // for a terminator that never comes.
            if (_scanned == 0 && buffer.Length >= 3 && IsEmptyMessage(buffer))
            {
                _inner.AdvanceTo(buffer.GetPosition(3));
                await connection.CloseAsync(Replies.EmptyMessage, "empty message");
                return Ended();
            }

            if (DotTerminator.IndexOf(buffer, _scanned) >= 0)
            {
                _dataComplete = true;
                _handedOut = buffer;
                return result;
            }

            // The terminator may straddle the next read: rescan its possible first bytes.
            _scanned = Math.Max(0, buffer.Length - (DotTerminator.Sequence.Length - 1));
            if (buffer.Length > limit)
            {
                return await DiscardAsync(buffer, cancellationToken);
            }

            _inner.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<ReadResult> DiscardAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        State.Oversized = true;
        var keep = DotTerminator.Sequence.Length;
        while (true)
        {
            var found = DotTerminator.IndexOf(buffer, 0);
            if (found >= 0)
            {
                // Keep one byte before the terminator (the kept tail guarantees there is one), so SmtpServer still
                // calls the store, which sees the flag and answers 552.
                _inner.AdvanceTo(buffer.GetPosition(Math.Max(0, found - 1)));
                var read = await ReadWithTimeoutAsync(cancellationToken);
                if (read is not { } rest)
                {
                    return Ended();
                }

                _scanned = 0;
                _dataComplete = !rest.IsCompleted && !rest.IsCanceled;
                _handedOut = rest.Buffer;
                return rest;
            }

            _inner.AdvanceTo(buffer.GetPosition(Math.Max(0, buffer.Length - keep)), buffer.End);
            var next = await ReadWithTimeoutAsync(cancellationToken);
            if (next is not { } result)
            {
                return Ended();
            }

            if (result.IsCanceled || result.IsCompleted)
            {
                return result;
            }

            buffer = result.Buffer;
        }
    }

    /// <summary>A read bounded by the command timeout; null when it expired and the connection is being closed.</summary>
    private async ValueTask<ReadResult?> ReadWithTimeoutAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(connection.Settings.CommandTimeout, connection.Settings.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await _inner.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await connection.CloseAsync(Replies.CommandTimeout(connection.Settings.ServerName), "timeout during DATA");
            return null;
        }
    }

    private static bool IsEmptyMessage(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> start = stackalloc byte[3];
        buffer.Slice(0, 3).CopyTo(start);
        return start.SequenceEqual(".\r\n"u8);
    }

    private static bool HasLine(in ReadOnlySequence<byte> buffer) => buffer.PositionOf((byte)'\n') is not null;

    private static ReadResult Ended() => new(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
}
