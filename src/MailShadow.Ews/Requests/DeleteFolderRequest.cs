using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>DeleteFolder: one result per folder.</summary>
public sealed record DeleteFolderRequest(IReadOnlyList<FolderIdentifier> FolderIds, DeleteType DeleteType);
