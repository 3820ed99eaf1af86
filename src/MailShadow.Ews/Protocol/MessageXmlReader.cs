using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads the <c>t:Value Name="…"</c> pairs of a <c>MessageXml</c> element; other children are skipped.</summary>
internal static class MessageXmlReader
{
    public static async ValueTask<Dictionary<string, string>> ReadAsync(XmlReader reader)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName == "Value" && reader.GetAttribute("Name") is { } name)
                {
                    values[name] = await reader.ReadStringAsync();
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }

        return values;
    }
}
