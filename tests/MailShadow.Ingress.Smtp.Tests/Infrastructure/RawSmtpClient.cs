using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests.Infrastructure;

/// <summary>A line-level SMTP client over a plain socket: sends exactly the bytes it is given, reads whole replies.</summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ITestOutputHelper? _log;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawSmtpClient(Socket socket, ITestOutputHelper? log)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _log = log;
    }

    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint endpoint, ITestOutputHelper? log = null)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_timeout);
        await socket.ConnectAsync(endpoint, timeout.Token);
        return new RawSmtpClient(socket, log);
    }

    /// <summary>Connects, reads the greeting and says EHLO.</summary>
    public static async Task<RawSmtpClient> ConnectAndGreetAsync(IPEndPoint endpoint, ITestOutputHelper? log = null)
    {
        var client = await ConnectAsync(endpoint, log);
        Assert.StartsWith("220 ", await client.ReadReplyAsync());
        Assert.StartsWith("250", await client.CommandAsync("EHLO client.test"));
        return client;
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        _log?.WriteLine($"C: {Shorten(Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 300)))}{(bytes.Length > 300 ? $" … ({bytes.Length} bytes)" : "")}");
        using var timeout = new CancellationTokenSource(_timeout);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>One whole reply: its lines joined by "\n", each with its code.</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new IOException("The server closed the connection; reply so far: " + string.Join("\n", lines));
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                var reply = string.Join("\n", lines);
                _log?.WriteLine($"S: {reply}");
                return reply;
            }
        }
    }

    /// <summary>True when the server closes the connection (within the timeout) without sending more.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        try
        {
            return await ReadLineAsync() is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Closes abruptly, as a client that vanishes.</summary>
    public void Abort()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task<string?> ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            using var timeout = new CancellationTokenSource(_timeout);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    private static string Shorten(string text) => text.Replace("\r\n", "⏎", StringComparison.Ordinal);
}
