using System.Globalization;
using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// Forward-only helpers over an async <see cref="XmlReader"/>. The pattern: remember the element's depth, enter it, then
/// visit each child with <see cref="ReadToNextChildAsync"/>; every visit must consume its child (read or skip it).
/// </summary>
internal static class XmlReaderExtensions
{
    /// <summary>Moves into the current element's content; false (and past the element) when it is empty.</summary>
    public static async ValueTask<bool> EnterElementAsync(this XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return false;
        }

        await reader.ReadAsync();
        return true;
    }

    /// <summary>
    /// Positions on the next child element of the element at <paramref name="parentDepth"/>; returns false once the
    /// parent's end tag has been consumed.
    /// </summary>
    public static async ValueTask<bool> ReadToNextChildAsync(this XmlReader reader, int parentDepth)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == parentDepth + 1:
                    return true;
                case XmlNodeType.Element:
                    throw new EwsProtocolException($"Unexpected element '{reader.Name}' at depth {reader.Depth}.");
                case XmlNodeType.EndElement when reader.Depth == parentDepth:
                    await reader.ReadAsync();
                    return false;
                case XmlNodeType.None:
                    throw new EwsProtocolException("The response ended inside an element.");
            }

            if (!await reader.ReadAsync())
            {
                throw new EwsProtocolException("The response ended inside an element.");
            }
        }
    }

    public static async ValueTask<string> ReadStringAsync(this XmlReader reader) => await reader.ReadElementContentAsStringAsync();

    public static async ValueTask<int> ReadInt32Async(this XmlReader reader)
    {
        var name = reader.Name;
        return ParseInt32(await reader.ReadElementContentAsStringAsync(), name);
    }

    public static async ValueTask<bool> ReadBooleanAsync(this XmlReader reader)
    {
        var name = reader.Name;
        return ParseBoolean(await reader.ReadElementContentAsStringAsync(), name);
    }

    public static async ValueTask<DateTimeOffset> ReadDateTimeAsync(this XmlReader reader)
    {
        var text = await reader.ReadElementContentAsStringAsync();
        try
        {
            return XmlConvert.ToDateTimeOffset(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new EwsProtocolException($"'{Truncate(text)}' is not an xs:dateTime.", ex);
        }
    }

    /// <summary>An enumeration value; null for a value this client does not know (newer servers add some).</summary>
    public static async ValueTask<TEnum?> ReadEnumAsync<TEnum>(this XmlReader reader)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>((await reader.ReadElementContentAsStringAsync()).Trim(), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    /// <summary>Decodes a base64 element's content chunk by chunk, never holding its text as one string.</summary>
    public static async ValueTask<byte[]> ReadBase64Async(this XmlReader reader, EwsReadContext context)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return [];
        }

        var scratch = context.Scratch;
        var accumulator = new ByteAccumulator();
        try
        {
            int read;
            while ((read = await reader.ReadElementContentAsBase64Async(scratch, 0, scratch.Length)) > 0)
            {
                accumulator.Append(scratch.AsSpan(0, read));
            }

            return accumulator.ToArray();
        }
        finally
        {
            accumulator.Dispose();
        }
    }

    /// <summary>An optional integer attribute.</summary>
    public static int? GetInt32Attribute(this XmlReader reader, string name) =>
        reader.GetAttribute(name) is { } text ? ParseInt32(text, name) : null;

    public static bool? GetBooleanAttribute(this XmlReader reader, string name) =>
        reader.GetAttribute(name) is { } text ? ParseBoolean(text, name) : null;

    private static int ParseInt32(string text, string name) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new EwsProtocolException($"'{Truncate(text)}' in '{name}' is not an integer.");

    private static bool ParseBoolean(string text, string name) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new EwsProtocolException($"'{Truncate(text)}' in '{name}' is not an xs:boolean."),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
