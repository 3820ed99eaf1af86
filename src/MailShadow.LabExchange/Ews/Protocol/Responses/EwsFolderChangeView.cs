namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>One change of a SyncFolderHierarchy answer: Create/Update carry the folder, Delete its id.</summary>
internal sealed record EwsFolderChangeView(EwsChangeKind Kind, string FolderId, string? ChangeKey)
{
    public EwsFolderView? Folder { get; init; }
}
