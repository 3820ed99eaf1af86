using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>UpdateFolder: property changes, one result (the folder id with its new change key) per folder.</summary>
public sealed record UpdateFolderRequest(IReadOnlyList<FolderUpdate> Updates);
