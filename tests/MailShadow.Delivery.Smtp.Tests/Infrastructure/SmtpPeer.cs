using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>
/// A small scriptable SMTP server on 127.0.0.1 for the tests: it records every envelope and DATA transfer as bytes,
/// counts sessions, and answers RCPT and end-of-DATA from scripts (or drops the connection instead of replying).
/// Stop and start it again to take the "site" down and bring it back on the same port.
/// </summary>
public sealed class SmtpPeer : IAsyncDisposable
{
    private readonly string _name;
    private readonly ITestOutputHelper? _log;
    private readonly List<PeerMessage> _messages = [];
    private readonly List<Task> _sessions = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task? _accepting;
    private int _sessionCount;

    public SmtpPeer(string name, ITestOutputHelper? log = null)
    {
        _name = name;
        _log = log;
    }

    public int Port { get; private set; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>RCPT address → reply; null (or no script) means 250.</summary>
    public Func<string, string?>? OnRecipient { get; set; }

    /// <summary>End of DATA → reply or drop; null (or no script) means 250.</summary>
    public Func<PeerMessage, PeerReply>? OnData { get; set; }

    /// <summary>A pause before the end-of-DATA reply.</summary>
    public Func<TimeSpan>? DataDelay { get; set; }

    /// <summary>Capabilities announced after EHLO.</summary>
    public IReadOnlyList<string> Extensions { get; set; } = ["PIPELINING", "8BITMIME", "SIZE 104857600", "ENHANCEDSTATUSCODES"];

    public int Sessions => Volatile.Read(ref _sessionCount);

    public IReadOnlyList<PeerMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<PeerMessage> Accepted => [.. Messages.Where(m => m.Accepted)];

    public static async Task<SmtpPeer> StartAsync(string name, ITestOutputHelper? log = null)
    {
        var peer = new SmtpPeer(name, log);
        await peer.StartAsync();
        return peer;
    }

    /// <summary>Listens (again) on <see cref="Port"/>, or on a fresh port the first time.</summary>
    public Task StartAsync()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("Already listening.");
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _running = new CancellationTokenSource();
        _accepting = AcceptAsync(listener, _running.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening and closes every session: the site is down (connections are refused).</summary>
    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _running!.CancelAsync();
        _listener.Stop();
        _listener = null;
        await _accepting!;
        Task[] sessions;
        lock (_gate)
        {
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
        _running.Dispose();
    }

    /// <summary>Waits until <paramref name="count"/> messages were accepted.</summary>
    public async Task<IReadOnlyList<PeerMessage>> WaitForAcceptedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var accepted = Accepted;
            if (accepted.Count >= count)
            {
                return accepted;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_name}: {accepted.Count} of {count} messages accepted after {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var session = Interlocked.Increment(ref _sessionCount);
            var task = Task.Run(() => ServeAsync(socket, session, cancellationToken), CancellationToken.None);
            lock (_gate)
            {
                _sessions.RemoveAll(t => t.IsCompleted);
                _sessions.Add(task);
            }
        }
    }

    private async Task ServeAsync(Socket socket, int session, CancellationToken cancellationToken)
    {
        using var _ = socket;
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var connection = new PeerConnection(stream);
        try
        {
            await using var registration = cancellationToken.Register(() => socket.Close());
            await connection.WriteAsync("220 peer.test ESMTP ready");
            string sender = "";
            var parameters = "";
            var recipients = new List<string>();
            var chunks = new ArrayBufferWriter<byte>();

            // Records a complete message and answers it (or drops the connection: false).
            async Task<bool> FinishAsync(PeerMessage received)
            {
                var outcome = OnData?.Invoke(received) ?? PeerReply.Ok;
                if (DataDelay?.Invoke() is { } delay && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }

                lock (_gate)
                {
                    _messages.Add(received with { Accepted = !outcome.Drop && outcome.Text!.StartsWith('2') });
                }

                if (outcome.Drop)
                {
                    _log?.WriteLine($"{_name}: dropping session {session} after the message");
                    socket.Shutdown(SocketShutdown.Both);
                    return false;
                }

                await connection.WriteAsync(outcome.Text!);
                return true;
            }
            while (true)
            {
                var line = await connection.ReadLineAsync();
                if (line is null)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
                var verb = text.Length >= 4 ? text[..4].ToUpperInvariant() : text.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await connection.WriteAsync(string.Join("\r\n", new[] { "250-peer.test" }.Concat(Extensions.SkipLast(1).Select(e => $"250-{e}")).Append($"250 {Extensions[^1]}")));
                        break;
                    case "HELO":
                        await connection.WriteAsync("250 peer.test");
                        break;
                    case "MAIL":
                        (sender, parameters) = ParsePath(text);
                        recipients.Clear();
                        await connection.WriteAsync("250 2.1.0 Sender OK");
                        break;
                    case "RCPT":
                        var (recipient, _) = ParsePath(text);
                        var reply = OnRecipient?.Invoke(recipient) ?? "250 2.1.5 Recipient OK";
                        if (reply.StartsWith('2'))
                        {
                            recipients.Add(recipient);
                        }

                        await connection.WriteAsync(reply);
                        break;
                    case "BDAT":
                        // BDAT <size> [LAST]: exactly size bytes follow the command line, nothing is stuffed.
                        var arguments = text[4..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        var chunk = await connection.ReadExactlyAsync(int.Parse(arguments[0], System.Globalization.CultureInfo.InvariantCulture));
                        if (chunk is null)
                        {
                            return;
                        }

                        chunks.Write(chunk);
                        var last = arguments.Length > 1 && arguments[1].Equals("LAST", StringComparison.OrdinalIgnoreCase);
                        if (recipients.Count == 0)
                        {
                            chunks.Clear();
                            await connection.WriteAsync("554 5.5.1 No valid recipients");
                            break;
                        }

                        if (!last)
                        {
                            await connection.WriteAsync($"250 2.0.0 {chunk.Length} octets received");
                            break;
                        }

                        var whole = chunks.WrittenSpan.ToArray();
                        chunks.Clear();
                        if (!await FinishAsync(new PeerMessage(session, sender, parameters, [.. recipients], whole, Accepted: false) { Chunked = true }))
                        {
                            return;
                        }

                        recipients.Clear();
                        break;
                    case "DATA":
                        if (recipients.Count == 0)
                        {
                            await connection.WriteAsync("554 5.5.1 No valid recipients");
                            break;
                        }

                        await connection.WriteAsync("354 Start mail input; end with <CRLF>.<CRLF>");
                        var data = await connection.ReadDataAsync();
                        if (data is null)
                        {
                            return;
                        }

                        if (!await FinishAsync(new PeerMessage(session, sender, parameters, [.. recipients], data, Accepted: false)))
                        {
                            return;
                        }

                        recipients.Clear();
                        break;
                    case "RSET":
                        recipients.Clear();
                        await connection.WriteAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await connection.WriteAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await connection.WriteAsync("221 2.0.0 Bye");
                        await connection.FlushAsync();
                        return;
                    default:
                        await connection.WriteAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client (or StopAsync) closed the session.
        }
    }

    private static (string Path, string Parameters) ParsePath(string command)
    {
        var open = command.IndexOf('<', StringComparison.Ordinal);
        var close = command.IndexOf('>', open + 1);
        return (command[(open + 1)..close], command[(close + 1)..].Trim());
    }

    /// <summary>Line-oriented reads and buffered replies over one socket; replies are flushed before blocking on a read.</summary>
    private sealed class PeerConnection(Stream stream)
    {
        private readonly PipeReader _reader = PipeReader.Create(stream);
        private readonly PipeWriter _writer = PipeWriter.Create(stream);
        private ReadOnlySequence<byte> _buffer;
        private bool _buffered;
        private bool _completed;

        public async ValueTask WriteAsync(string reply)
        {
            var bytes = Encoding.UTF8.GetBytes(reply + "\r\n");
            await _writer.WriteAsync(bytes);
        }

        public async ValueTask FlushAsync() => await _writer.FlushAsync();

        public async ValueTask<byte[]?> ReadLineAsync()
        {
            do
            {
                if (_buffered && _buffer.PositionOf((byte)'\n') is { } at)
                {
                    var line = _buffer.Slice(0, _buffer.GetPosition(1, at));
                    var bytes = line.ToArray();
                    _buffer = _buffer.Slice(line.End);
                    return bytes;
                }
            }
            while (await ReadMoreAsync());

            return null;
        }

        /// <summary>The next <paramref name="count"/> bytes, whatever they are (a BDAT chunk); null if the client left.</summary>
        public async ValueTask<byte[]?> ReadExactlyAsync(int count)
        {
            var chunk = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_buffered && !_buffer.IsEmpty)
                {
                    var take = (int)Math.Min(_buffer.Length, count - filled);
                    _buffer.Slice(0, take).CopyTo(chunk.AsSpan(filled));
                    _buffer = _buffer.Slice(take);
                    filled += take;
                }
                else if (!await ReadMoreAsync())
                {
                    return null;
                }
            }

            return chunk;
        }

        /// <summary>Hands back what is left unread, flushes the replies, and reads more; false once the client is gone.</summary>
        private async ValueTask<bool> ReadMoreAsync()
        {
            if (_buffered)
            {
                _reader.AdvanceTo(_buffer.Start, _buffer.End);
                _buffered = false;
                if (_completed)
                {
                    return false;
                }
            }

            await _writer.FlushAsync();
            var result = await _reader.ReadAsync();
            _buffer = result.Buffer;
            _buffered = true;
            _completed = result.IsCompleted;
            return true;
        }

        /// <summary>DATA lines up to the lone dot, unstuffed, keeping every line's CRLF.</summary>
        public async ValueTask<byte[]?> ReadDataAsync()
        {
            var data = new ArrayBufferWriter<byte>(8192);
            while (true)
            {
                var line = await ReadLineAsync();
                if (line is null)
                {
                    return null;
                }

                if (line.AsSpan().SequenceEqual(".\r\n"u8))
                {
                    return data.WrittenSpan.ToArray();
                }

                data.Write(line.Length > 0 && line[0] == (byte)'.' ? line.AsSpan(1) : line);
            }
        }
    }
}
