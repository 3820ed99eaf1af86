namespace MailShadow.Ews.Model;

/// <summary>One key of a FindItem sort order.</summary>
public sealed record FieldOrder(PropertyPath Path, SortDirection Direction = SortDirection.Ascending);
