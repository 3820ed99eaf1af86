using System.Buffers;
using System.Text;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// The network stream of one SMTP connection as the SMTP library sees it: replies pass through
/// <see cref="SmtpReplyRewriter"/> line by line, and after <see cref="Abort"/> reads end and writes vanish, so that a
/// session the lab cut off (a dropped or released connection) ends quietly instead of faulting.
/// </summary>
internal sealed class LabSmtpStream(Stream inner, SmtpReplyRewriter rewriter, Func<string?> currentCommand) : Stream
{
    private static readonly Encoding _latin1 = Encoding.Latin1;
    private readonly ArrayBufferWriter<byte> _pending = new(256);
    private volatile bool _aborted;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public bool IsAborted => _aborted;

    /// <summary>From now on, reads return end-of-stream and writes are discarded.</summary>
    public void Abort() => _aborted = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aborted)
        {
            return 0;
        }

        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_aborted)
        {
            return 0;
        }

        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aborted)
        {
            return;
        }

        var output = Rewrite(buffer.Span);
        if (output.Length == 0)
        {
            return;
        }

        try
        {
            await inner.WriteAsync(output, cancellationToken);
        }
        catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
        {
            // The lab cut the connection while the library was still replying.
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_aborted)
        {
            return;
        }

        var output = Rewrite(buffer.AsSpan(offset, count));
        try
        {
            inner.Write(output);
        }
        catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
        {
            // As for asynchronous writes.
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_aborted)
        {
            return;
        }

        try
        {
            await inner.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
        {
            // As for writes.
        }
    }

    public override void Flush()
    {
        if (!_aborted)
        {
            try
            {
                inner.Flush();
            }
            catch (Exception exception) when (_aborted && exception is IOException or ObjectDisposedException)
            {
                // As for writes.
            }
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Complete lines out, rewritten; a partial line waits for the rest.</summary>
    private byte[] Rewrite(ReadOnlySpan<byte> bytes)
    {
        _pending.Write(bytes);
        var pending = _pending.WrittenSpan;
        var output = new StringBuilder();
        var consumed = 0;
        while (true)
        {
            var end = pending[consumed..].IndexOf("\r\n"u8);
            if (end < 0)
            {
                break;
            }

            var line = _latin1.GetString(pending.Slice(consumed, end));
            output.Append(rewriter.Rewrite(line, currentCommand())).Append("\r\n");
            consumed += end + 2;
        }

        var rest = pending[consumed..].ToArray();
        _pending.Clear();
        _pending.Write(rest);
        return _latin1.GetBytes(output.ToString());
    }
}
