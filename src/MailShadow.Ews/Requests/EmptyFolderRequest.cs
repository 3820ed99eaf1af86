using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>EmptyFolder: deletes a folder's items (and optionally its subfolders), one result per folder.</summary>
public sealed record EmptyFolderRequest(IReadOnlyList<FolderIdentifier> FolderIds, DeleteType DeleteType, bool DeleteSubFolders = false);
