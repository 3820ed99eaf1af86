using System.Globalization;
using System.Text;
using System.Xml;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>
/// Writes a SOAP 1.1 fault the way Exchange does: <c>faultcode</c> <c>a:&lt;code&gt;</c> with <c>a</c> bound to the types
/// namespace, <c>faultstring xml:lang="en-US"</c>, and <c>detail</c> with <c>e:ResponseCode</c>, <c>e:Message</c> and
/// <c>t:MessageXml</c> (back-off values, or the line and position of a schema violation).
/// </summary>
internal static class EwsFaultWriter
{
    private static readonly XmlWriterSettings _settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    public static byte[] Write(EwsFault fault)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, _settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("s", "Envelope", EwsNamespaces.Soap);
            writer.WriteStartElement("s", "Body", EwsNamespaces.Soap);
            writer.WriteStartElement("s", "Fault", EwsNamespaces.Soap);
            writer.WriteStartElement("faultcode");
            writer.WriteAttributeString("xmlns", "a", null, EwsNamespaces.Types);
            writer.WriteString("a:" + fault.ResponseCode);
            writer.WriteEndElement();
            writer.WriteStartElement("faultstring");
            writer.WriteAttributeString("xml", "lang", null, "en-US");
            writer.WriteString(EwsXmlWriterExtensions.Sanitize(fault.Message));
            writer.WriteEndElement();
            writer.WriteStartElement("detail");
            writer.WriteStartElement("e", "ResponseCode", EwsNamespaces.Errors);
            writer.WriteString(fault.ResponseCode);
            writer.WriteEndElement();
            writer.WriteStartElement("e", "Message", EwsNamespaces.Errors);
            writer.WriteString(EwsXmlWriterExtensions.Sanitize(fault.Message));
            writer.WriteEndElement();
            if (fault.Values.Count > 0 || fault.SchemaViolation is not null)
            {
                writer.WriteStartElement("t", "MessageXml", EwsNamespaces.Types);
                if (fault.SchemaViolation is var (line, position, violation))
                {
                    writer.WriteElementString("t", "LineNumber", EwsNamespaces.Types, line.ToString(CultureInfo.InvariantCulture));
                    writer.WriteElementString("t", "LinePosition", EwsNamespaces.Types, position.ToString(CultureInfo.InvariantCulture));
                    writer.WriteElementString("t", "Violation", EwsNamespaces.Types, EwsXmlWriterExtensions.Sanitize(violation));
                }

                foreach (var (name, value) in fault.Values)
                {
                    writer.WriteStartElement("t", "Value", EwsNamespaces.Types);
                    writer.WriteAttributeString("Name", name);
                    writer.WriteString(value);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
