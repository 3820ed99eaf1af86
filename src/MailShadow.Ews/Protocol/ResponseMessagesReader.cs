using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// Reads <c>m:{Op}Response/m:ResponseMessages/*</c>: for each message its class, code, text and <c>MessageXml</c>, then
/// the operation's payload.
/// </summary>
internal static class ResponseMessagesReader
{
    public static async ValueTask<List<EwsResult<T>>> ReadAsync<T>(XmlReader reader, EwsOperation<T> operation, EwsReadContext context)
    {
        if (reader.LocalName != operation.Name + "Response" || reader.NamespaceURI != EwsNamespaces.Messages)
        {
            throw new EwsProtocolException($"Expected m:{operation.Name}Response but the body holds '{reader.Name}'.");
        }

        var results = new List<EwsResult<T>>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName != "ResponseMessages")
                {
                    await reader.SkipAsync();
                    continue;
                }

                var messagesDepth = reader.Depth;
                if (await reader.EnterElementAsync())
                {
                    while (await reader.ReadToNextChildAsync(messagesDepth))
                    {
                        results.Add(await ReadMessageAsync(reader, operation, context));
                    }
                }
            }
        }

        return results;
    }

    private static async ValueTask<EwsResult<T>> ReadMessageAsync<T>(XmlReader reader, EwsOperation<T> operation, EwsReadContext context)
    {
        var responseClass = reader.GetAttribute("ResponseClass") switch
        {
            "Success" => EwsResponseClass.Success,
            "Warning" => EwsResponseClass.Warning,
            "Error" => EwsResponseClass.Error,
            var other => throw new EwsProtocolException($"'{reader.Name}' has ResponseClass '{other}'."),
        };

        string? messageText = null, responseCode = null;
        Dictionary<string, string>? messageXml = null;
        T? value = default;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            var more = await reader.ReadToNextChildAsync(depth);
            while (more)
            {
                switch (reader.LocalName)
                {
                    case "MessageText":
                        messageText = await reader.ReadStringAsync();
                        break;
                    case "ResponseCode":
                        responseCode = (await reader.ReadStringAsync()).Trim();
                        break;
                    case "DescriptiveLinkKey":
                        await reader.SkipAsync();
                        break;
                    case "MessageXml":
                        messageXml = await MessageXmlReader.ReadAsync(reader);
                        break;
                    default:
                        // The operation's own elements follow the common ones; the payload reader consumes the rest.
                        value = await operation.ReadPayloadAsync(reader, depth, context);
                        more = false;
                        continue;
                }

                more = await reader.ReadToNextChildAsync(depth);
            }
        }

        responseCode ??= responseClass == EwsResponseClass.Success ? EwsResponseCodes.NoError : EwsResponseCodes.ErrorInternalServerError;
        return new EwsResult<T>(responseClass, responseCode, messageText, messageXml, value);
    }
}
