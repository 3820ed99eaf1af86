using System.Buffers.Binary;
using System.Text.Json;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// The lab's stand-in for Exchange's full-fidelity export stream (ExportItems/UploadItems <c>Data</c>): a small header,
/// the item's properties as JSON, then its raw MIME. Like the real stream it is opaque and only this server reads it
/// back; UploadItems also takes plain MIME, so data from elsewhere is not refused.
/// </summary>
internal static class EwsExportFormat
{
    private static readonly byte[] _magic = "LABX"u8.ToArray();
    private const byte Version = 1;

    public static byte[] Encode(LabItem item, byte[] mime)
    {
        var metadata = new EwsExportMetadata
        {
            ItemClass = item.ItemClass,
            IsRead = item.IsRead,
            FlagStatus = item.FlagStatus.ToString(),
            Categories = item.Categories,
            Importance = item.Importance.ToString(),
            DateTimeReceived = item.DateTimeReceived,
            ExtendedProperties = item.ExtendedProperties.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(metadata, EwsJsonContext.Default.EwsExportMetadata);
        var bytes = new byte[_magic.Length + 1 + 4 + json.Length + mime.Length];
        _magic.CopyTo(bytes, 0);
        bytes[4] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(5), json.Length);
        json.CopyTo(bytes, 9);
        mime.CopyTo(bytes, 9 + json.Length);
        return bytes;
    }

    /// <summary>The metadata (null for plain MIME) and the MIME of uploaded data; false when the data is damaged.</summary>
    public static bool TryDecode(byte[] data, out EwsExportMetadata? metadata, out byte[] mime)
    {
        metadata = null;
        mime = data;
        if (data.Length < 9 || !data.AsSpan(0, 4).SequenceEqual(_magic))
        {
            return data.Length > 0;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(5));
        if (data[4] != Version || length < 0 || 9L + length > data.Length)
        {
            return false;
        }

        try
        {
            metadata = JsonSerializer.Deserialize(data.AsSpan(9, length), EwsJsonContext.Default.EwsExportMetadata);
        }
        catch (JsonException)
        {
            return false;
        }

        mime = data[(9 + length)..];
        return metadata is not null;
    }

    public static LabNewItem ToNewItem(EwsExportMetadata? metadata, byte[] mime)
    {
        if (metadata is null)
        {
            return new LabNewItem(mime);
        }

        var properties = new Dictionary<ExtendedPropertyKey, string>();
        foreach (var (text, value) in metadata.ExtendedProperties)
        {
            if (ExtendedPropertyKey.TryParse(text, out var key))
            {
                properties[key] = value;
            }
        }

        return new LabNewItem(mime)
        {
            ItemClass = metadata.ItemClass,
            IsRead = metadata.IsRead,
            FlagStatus = Enum.TryParse<LabFlagStatus>(metadata.FlagStatus, out var flag) ? flag : LabFlagStatus.NotFlagged,
            Categories = metadata.Categories,
            Importance = Enum.TryParse<LabImportance>(metadata.Importance, out var importance) ? importance : null,
            ExtendedProperties = properties,
            DateTimeReceived = metadata.DateTimeReceived,
        };
    }
}
