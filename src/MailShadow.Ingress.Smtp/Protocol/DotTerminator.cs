using System.Buffers;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>Finds the CRLF.CRLF that ends DATA, as SmtpServer does (it recognizes no other form).</summary>
internal static class DotTerminator
{
    public static ReadOnlySpan<byte> Sequence => "\r\n.\r\n"u8;

    /// <summary>The offset where the terminator starts, searching from <paramref name="from"/>, or -1.</summary>
    public static long IndexOf(in ReadOnlySequence<byte> buffer, long from)
    {
        var reader = new SequenceReader<byte>(buffer.Slice(Math.Min(from, buffer.Length)));
        return reader.TryReadTo(out ReadOnlySequence<byte> _, Sequence, advancePastDelimiter: false) ? from + reader.Consumed : -1;
    }
}
