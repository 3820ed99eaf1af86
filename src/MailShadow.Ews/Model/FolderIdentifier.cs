namespace MailShadow.Ews.Model;

/// <summary>A folder named either by its server-assigned <see cref="FolderId"/> or by a <see cref="DistinguishedFolderId"/>.</summary>
public abstract record FolderIdentifier
{
    private protected FolderIdentifier()
    {
    }
}
