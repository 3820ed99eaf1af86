namespace MailShadow.Ews.Model;

/// <summary>A server-assigned folder id: opaque, case-sensitive, meaningful only on the server that issued it.</summary>
public sealed record FolderId : FolderIdentifier
{
    public FolderId(string id, string? changeKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        ChangeKey = string.IsNullOrEmpty(changeKey) ? null : changeKey;
    }

    public string Id { get; }

    public string? ChangeKey { get; }

    public override string ToString() => Id;
}
