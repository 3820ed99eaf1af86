namespace MailShadow.Ews.Model;

/// <summary>Which items FindItem looks at.</summary>
public enum ItemTraversal
{
    Shallow,
    SoftDeleted,
    Associated,
}
