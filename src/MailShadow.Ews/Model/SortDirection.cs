namespace MailShadow.Ews.Model;

/// <summary>A sort direction.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
