namespace MailShadow.Ews.Model;

/// <summary>The changes to one folder (<c>t:FolderChange</c>).</summary>
public sealed record FolderUpdate(FolderIdentifier FolderId, IReadOnlyList<FolderFieldChange> Changes)
{
    public FolderKind Kind { get; init; } = FolderKind.Folder;
}
