using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// Reads a response envelope from a stream without building a document: the <c>ServerVersionInfo</c> header, then the
/// body's fault or response messages. Reading stops once the body's element has been read. Malformed input becomes
/// <see cref="EwsProtocolException"/>; stream errors (a dropped connection) pass through unchanged.
/// </summary>
internal static class SoapEnvelopeReader
{
    public static async Task<EwsResponse<T>> ReadAsync<T>(Stream stream, EwsOperation<T> operation, XmlReaderSettings settings)
    {
        using var context = new EwsReadContext();
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return await ReadEnvelopeAsync(reader, operation, context);
        }
        catch (XmlException ex)
        {
            throw new EwsProtocolException($"The response is not well-formed XML: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new EwsProtocolException($"The response could not be read: {ex.Message}", ex);
        }
    }

    private static async Task<EwsResponse<T>> ReadEnvelopeAsync<T>(XmlReader reader, EwsOperation<T> operation, EwsReadContext context)
    {
        if (await reader.MoveToContentAsync() != XmlNodeType.Element
            || reader.LocalName != "Envelope"
            || !EwsNamespaces.IsSoap(reader.NamespaceURI))
        {
            throw new EwsProtocolException($"The response is not a SOAP envelope (root '{reader.Name}').");
        }

        ServerVersionInfo? version = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (!EwsNamespaces.IsSoap(reader.NamespaceURI))
                {
                    await reader.SkipAsync();
                }
                else if (reader.LocalName == "Header")
                {
                    version = await ReadHeaderAsync(reader) ?? version;
                }
                else if (reader.LocalName == "Body")
                {
                    var bodyDepth = reader.Depth;
                    if (!await reader.EnterElementAsync() || !await reader.ReadToNextChildAsync(bodyDepth))
                    {
                        throw new EwsProtocolException("The SOAP body is empty.");
                    }

                    if (reader.LocalName == "Fault" && EwsNamespaces.IsSoap(reader.NamespaceURI))
                    {
                        return new EwsResponse<T>(version, null, await SoapFaultReader.ReadAsync(reader));
                    }

                    var messages = await ResponseMessagesReader.ReadAsync(reader, operation, context);
                    return new EwsResponse<T>(version, messages, null);
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }

        throw new EwsProtocolException("The SOAP envelope has no body.");
    }

    private static async ValueTask<ServerVersionInfo?> ReadHeaderAsync(XmlReader reader)
    {
        ServerVersionInfo? version = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName == "ServerVersionInfo")
                {
                    version = new ServerVersionInfo(
                        reader.GetInt32Attribute("MajorVersion") ?? 0,
                        reader.GetInt32Attribute("MinorVersion") ?? 0,
                        reader.GetInt32Attribute("MajorBuildNumber") ?? 0,
                        reader.GetInt32Attribute("MinorBuildNumber") ?? 0,
                        reader.GetAttribute("Version"));
                }

                await reader.SkipAsync();
            }
        }

        return version;
    }
}
