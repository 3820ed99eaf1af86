using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>MoveFolder: one result (the moved folder's id) per folder.</summary>
public sealed record MoveFolderRequest(FolderIdentifier ToFolderId, IReadOnlyList<FolderIdentifier> FolderIds);
