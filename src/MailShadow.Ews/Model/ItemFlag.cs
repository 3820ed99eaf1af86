namespace MailShadow.Ews.Model;

/// <summary>An item's follow-up flag (<c>t:Flag</c>, Exchange 2013 and later).</summary>
public sealed record ItemFlag(FlagStatus Status, DateTimeOffset? StartDate = null, DateTimeOffset? DueDate = null, DateTimeOffset? CompleteDate = null)
{
    public static ItemFlag NotFlagged { get; } = new(FlagStatus.NotFlagged);

    public static ItemFlag Flagged { get; } = new(FlagStatus.Flagged);
}
