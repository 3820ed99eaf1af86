using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MailShadow.Ews.Tests.Support;

/// <summary>
/// The server half of an NTLM handshake, enough to drive a client through its three legs: a 401 without credentials, a
/// challenge (type 2) for its negotiate message (type 1), and acceptance of its authenticate message (type 3). It does not
/// verify the response (that needs the password hash); it records which connection carried each leg and the user named.
/// Like IIS, it keeps a connection authenticated once the handshake succeeded on it (leg <see cref="AuthenticatedLeg"/>).
/// </summary>
internal sealed class NtlmChallengePeer
{
    /// <summary>The "leg" recorded for a request accepted on a connection that is already authenticated.</summary>
    public const int AuthenticatedLeg = 9;

    private static readonly byte[] _signature = "NTLMSSP\0"u8.ToArray();
    private readonly ConcurrentDictionary<string, bool> _authenticatedConnections = new();

    public ConcurrentQueue<(int Leg, string ConnectionId)> Legs { get; } = new();

    public string? AuthenticatedUser { get; private set; }

    public string? AuthenticatedDomain { get; private set; }

    public async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        var connection = context.Connection.Id;
        if (authorization is null && _authenticatedConnections.ContainsKey(connection))
        {
            Legs.Enqueue((AuthenticatedLeg, connection));
            await Respond.Canned(context, request);
            return;
        }

        if (authorization is null || !authorization.StartsWith("NTLM ", StringComparison.Ordinal))
        {
            Legs.Enqueue((0, connection));
            Challenge(context, "NTLM");
            return;
        }

        var message = Convert.FromBase64String(authorization["NTLM ".Length..]);
        var type = message.Length >= 12 && message.AsSpan(0, 8).SequenceEqual(_signature) ? BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(8)) : 0;
        Legs.Enqueue((type, connection));
        switch (type)
        {
            case 1:
                Challenge(context, "NTLM " + Convert.ToBase64String(ChallengeMessage()));
                break;
            case 3:
                AuthenticatedDomain = Field(message, 28);
                AuthenticatedUser = Field(message, 36);
                _authenticatedConnections[connection] = true;
                await Respond.Canned(context, request);
                break;
            default:
                context.Response.StatusCode = 400;
                break;
        }
    }

    private static void Challenge(HttpContext context, string header)
    {
        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = header;
    }

    private static string Field(byte[] message, int offset)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(offset));
        var start = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(offset + 4));
        return Encoding.Unicode.GetString(message, start, length);
    }

    private static byte[] ChallengeMessage()
    {
        const uint flags = 0x00000001 | 0x00000004 | 0x00000010 | 0x00000200 | 0x00008000 | 0x00080000 | 0x00800000 | 0x02000000 | 0x20000000 | 0x40000000 | 0x80000000;
        var targetName = Encoding.Unicode.GetBytes("EXAMPLE");
        using var info = new MemoryStream();
        AvPair(info, 2, Encoding.Unicode.GetBytes("EXAMPLE"));
        AvPair(info, 1, Encoding.Unicode.GetBytes("LAB"));
        AvPair(info, 4, Encoding.Unicode.GetBytes("example.test"));
        AvPair(info, 3, Encoding.Unicode.GetBytes("lab.example.test"));
        var timestamp = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(timestamp, DateTime.UtcNow.ToFileTimeUtc());
        AvPair(info, 7, timestamp);
        AvPair(info, 0, []);
        var targetInfo = info.ToArray();

        const int headerLength = 56;
        var message = new byte[headerLength + targetName.Length + targetInfo.Length];
        var span = message.AsSpan();
        _signature.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], 2);
        WriteField(span[12..], targetName.Length, headerLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], flags);
        Random.Shared.NextBytes(span.Slice(24, 8));
        WriteField(span[40..], targetInfo.Length, headerLength + targetName.Length);
        span[48] = 10;
        span[49] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(span[50..], 19041);
        span[55] = 15;
        targetName.CopyTo(span[headerLength..]);
        targetInfo.CopyTo(span[(headerLength + targetName.Length)..]);
        return message;
    }

    private static void WriteField(Span<byte> destination, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)length);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], offset);
    }

    private static void AvPair(Stream stream, ushort id, byte[] value)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, id);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)value.Length);
        stream.Write(header);
        stream.Write(value);
    }
}
