using System.Text;
using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes a complete SOAP 1.1 request envelope: EWS headers, then the operation's body element.</summary>
internal static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings _settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CheckCharacters = true,
        CloseOutput = false,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
    };

    public static byte[] Write<T>(EwsOperation<T> operation, EwsRequestHeaders headers)
    {
        using var buffer = new MemoryStream();
        Write(buffer, operation, headers);
        return buffer.ToArray();
    }

    public static void Write<T>(Stream output, EwsOperation<T> operation, EwsRequestHeaders headers)
    {
        using var writer = XmlWriter.Create(output, _settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("soap", "Envelope", EwsNamespaces.Soap);
        writer.WriteAttributeString("xmlns", "m", null, EwsNamespaces.Messages);
        writer.WriteAttributeString("xmlns", "t", null, EwsNamespaces.Types);

        writer.WriteStartElement("soap", "Header", EwsNamespaces.Soap);
        writer.WriteStartT("RequestServerVersion");
        writer.WriteAttributeString("Version", headers.RequestServerVersion);
        writer.WriteEndElement();
        if (headers.ImpersonatedSmtpAddress is { } impersonated)
        {
            writer.WriteStartT("ExchangeImpersonation");
            writer.WriteStartT("ConnectingSID");
            writer.WriteElementT("PrimarySmtpAddress", impersonated);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        if (headers.TimeZoneId is { } timeZoneId)
        {
            writer.WriteStartT("TimeZoneContext");
            writer.WriteStartT("TimeZoneDefinition");
            writer.WriteAttributeString("Id", timeZoneId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        writer.WriteStartElement("soap", "Body", EwsNamespaces.Soap);
        operation.WriteBody(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
