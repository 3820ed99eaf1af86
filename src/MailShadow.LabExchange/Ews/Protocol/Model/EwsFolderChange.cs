namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:FolderChange</c>: a folder and its updates.</summary>
internal sealed record EwsFolderChange(EwsFolderReference Folder, IReadOnlyList<EwsFolderUpdate> Updates);
