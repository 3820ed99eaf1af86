using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>Shorthands for writing namespace-qualified EWS elements.</summary>
internal static class XmlWriterExtensions
{
    private const int Base64Chunk = 48 * 1024;

    public static void WriteStartM(this XmlWriter writer, string localName) => writer.WriteStartElement("m", localName, EwsNamespaces.Messages);

    public static void WriteStartT(this XmlWriter writer, string localName) => writer.WriteStartElement("t", localName, EwsNamespaces.Types);

    public static void WriteElementT(this XmlWriter writer, string localName, string value) =>
        writer.WriteElementString("t", localName, EwsNamespaces.Types, value);

    public static void WriteElementM(this XmlWriter writer, string localName, string value) =>
        writer.WriteElementString("m", localName, EwsNamespaces.Messages, value);

    public static void WriteElementT(this XmlWriter writer, string localName, bool value) => writer.WriteElementT(localName, ToWire(value));

    public static void WriteElementM(this XmlWriter writer, string localName, bool value) => writer.WriteElementM(localName, ToWire(value));

    public static void WriteElementM(this XmlWriter writer, string localName, int value) =>
        writer.WriteElementM(localName, value.ToString(CultureInfo.InvariantCulture));

    public static void WriteElementT(this XmlWriter writer, string localName, DateTimeOffset value) =>
        writer.WriteElementT(localName, XmlConvert.ToString(value.ToUniversalTime()));

    public static void WriteAttribute(this XmlWriter writer, string localName, bool value) => writer.WriteAttributeString(localName, ToWire(value));

    public static void WriteAttribute(this XmlWriter writer, string localName, int value) =>
        writer.WriteAttributeString(localName, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes bytes as base64 text in chunks, so a large body is never a second string in memory.</summary>
    public static void WriteBase64Content(this XmlWriter writer, ReadOnlyMemory<byte> data)
    {
        if (MemoryMarshal.TryGetArray(data, out var segment) && segment.Array is not null)
        {
            writer.WriteBase64(segment.Array, segment.Offset, segment.Count);
            return;
        }

        var buffer = new byte[Math.Min(Base64Chunk, Math.Max(data.Length, 3))];
        for (var offset = 0; offset < data.Length; offset += buffer.Length)
        {
            // Chunks are a multiple of 3 bytes, so concatenated base64 has no padding in the middle.
            var slice = data.Span.Slice(offset, Math.Min(buffer.Length, data.Length - offset));
            slice.CopyTo(buffer);
            writer.WriteBase64(buffer, 0, slice.Length);
        }
    }

    public static string ToWire(bool value) => value ? "true" : "false";
}
