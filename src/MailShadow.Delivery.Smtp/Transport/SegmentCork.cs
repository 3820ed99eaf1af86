using System.Net.Sockets;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// Holds back partial TCP segments of one connection while a message body is written, then lets them go at once.
/// </summary>
/// <remarks>
/// MailKit writes a body in 4 KiB blocks, and with <c>TCP_NODELAY</c> (which commands and replies need) each block
/// leaves as a segment of its own and wakes the site once: sixteen times for a 64 KiB message. Corked, the kernel
/// sends full segments and the rest when uncorked, before the final dot is written and its reply awaited. Linux only
/// (<c>TCP_CORK</c>); elsewhere a body goes out as before.
/// </remarks>
internal sealed class SegmentCork(Socket socket)
{
    /// <summary>Bodies smaller than this go out in at most two blocks anyway: not worth two system calls.</summary>
    internal const int MinimumBytes = 3 * 4096;

    private const int TcpCork = 3;
    private static readonly byte[] _on = BitConverter.GetBytes(1);
    private static readonly byte[] _off = BitConverter.GetBytes(0);

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    /// <summary>Corks the connection when it helps; the result must be disposed (uncorked) after the body is flushed.</summary>
    public Scope Hold(int bodyBytes) => IsSupported && bodyBytes >= MinimumBytes && TrySet(_on) ? new Scope(this) : default;

    private bool TrySet(byte[] value)
    {
        try
        {
            socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpCork, value);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // A closed or reset connection: the write that follows reports it.
            return false;
        }
    }

    internal readonly struct Scope(SegmentCork? cork) : IDisposable
    {
        /// <summary>True when the connection is corked until this is disposed.</summary>
        public bool IsHeld => cork is not null;

        public void Dispose() => cork?.TrySet(_off);
    }
}
