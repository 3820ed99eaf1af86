using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>UploadItems: items from ExportItems data, one result (the new id) per item.</summary>
public sealed record UploadItemsRequest(IReadOnlyList<UploadItem> Items);
