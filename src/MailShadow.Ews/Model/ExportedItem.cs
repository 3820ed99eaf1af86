namespace MailShadow.Ews.Model;

/// <summary>
/// One item exported in Exchange's full-fidelity stream format. The data is not MIME: it is only meaningful to
/// UploadItems on an Exchange server.
/// </summary>
public sealed record ExportedItem(ItemId ItemId, ReadOnlyMemory<byte> Data);
