using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>CreateFolder: new folders under one parent, one result (the new id) per folder.</summary>
public sealed record CreateFolderRequest(FolderIdentifier ParentFolderId, IReadOnlyList<NewFolder> Folders);
