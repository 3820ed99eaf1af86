using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads <c>t:ExtendedProperty</c>; null when its path is not one this client can represent.</summary>
internal static class ExtendedPropertyReader
{
    public static async ValueTask<ExtendedProperty?> ReadAsync(XmlReader reader)
    {
        ExtendedPropertyPath? path = null;
        string? value = null;
        List<string>? values = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                switch (reader.LocalName)
                {
                    case "ExtendedFieldURI":
                        path = ExtendedPropertyPath.FromWire(
                            reader.GetAttribute("DistinguishedPropertySetId"),
                            reader.GetAttribute("PropertySetId"),
                            reader.GetAttribute("PropertyTag"),
                            reader.GetAttribute("PropertyName"),
                            reader.GetAttribute("PropertyId"),
                            reader.GetAttribute("PropertyType"));
                        await reader.SkipAsync();
                        break;
                    case "Value":
                        value = await reader.ReadStringAsync();
                        break;
                    case "Values":
                        values = await ReadValuesAsync(reader);
                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
        }

        if (path is null)
        {
            return null;
        }

        return values is { Count: > 0 } ? new ExtendedProperty(path, values) : new ExtendedProperty(path, value ?? "");
    }

    private static async ValueTask<List<string>> ReadValuesAsync(XmlReader reader)
    {
        var values = new List<string>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName == "Value")
                {
                    values.Add(await reader.ReadStringAsync());
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
