using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// Reads <c>s:Fault</c> as Exchange writes it: <c>faultcode</c> <c>a:ErrorXxx</c>, <c>faultstring</c>, and
/// <c>detail</c> with <c>e:ResponseCode</c>, <c>e:Message</c> and <c>t:MessageXml</c>.
/// </summary>
internal static class SoapFaultReader
{
    public static async ValueTask<SoapFault> ReadAsync(XmlReader reader)
    {
        string? faultCode = null, faultString = null, detailCode = null, detailMessage = null;
        Dictionary<string, string>? details = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                switch (reader.LocalName)
                {
                    case "faultcode":
                        faultCode = await reader.ReadStringAsync();
                        break;
                    case "faultstring":
                        faultString = await reader.ReadStringAsync();
                        break;
                    case "detail":
                        var detailDepth = reader.Depth;
                        if (await reader.EnterElementAsync())
                        {
                            while (await reader.ReadToNextChildAsync(detailDepth))
                            {
                                switch (reader.LocalName)
                                {
                                    case "ResponseCode":
                                        detailCode = await reader.ReadStringAsync();
                                        break;
                                    case "Message":
                                        detailMessage = await reader.ReadStringAsync();
                                        break;
                                    case "MessageXml":
                                        details = await MessageXmlReader.ReadAsync(reader);
                                        break;
                                    default:
                                        await reader.SkipAsync();
                                        break;
                                }
                            }
                        }

                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
        }

        var code = detailCode?.Trim() is { Length: > 0 } fromDetail ? fromDetail : LocalPart(faultCode) ?? "ErrorInternalServerError";
        return new SoapFault(code, detailMessage ?? faultString, details ?? new Dictionary<string, string>());
    }

    private static string? LocalPart(string? qualifiedName)
    {
        if (string.IsNullOrWhiteSpace(qualifiedName))
        {
            return null;
        }

        var trimmed = qualifiedName.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? trimmed : trimmed[(colon + 1)..];
    }
}
