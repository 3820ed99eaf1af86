using System.Net;
using System.Net.Http.Headers;

namespace MailShadow.Ews.Transport;

/// <summary>
/// A request body that records whether it was handed to the connection whole. If a send fails while this is false, the
/// server cannot have received the complete request, so it cannot have acted on it: the one transport failure after
/// which a mutating call may be retried safely.
/// </summary>
internal sealed class EwsRequestContent : HttpContent
{
    private const int NotStarted = 0;
    private const int Writing = 1;
    private const int Written = 2;

    private readonly byte[] _body;
    private int _state;

    public EwsRequestContent(byte[] body)
    {
        _body = body;
        Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
    }

    /// <summary>True once the latest serialization wrote every byte (an NTLM challenge makes the handler send twice).</summary>
    public bool WasWrittenWhole => Volatile.Read(ref _state) == Written;

    /// <summary>False while no serialization has begun.</summary>
    public bool WasStarted => Volatile.Read(ref _state) != NotStarted;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Writing);
        await stream.WriteAsync(_body, cancellationToken);
        Volatile.Write(ref _state, Written);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
