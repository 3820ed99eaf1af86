namespace MailShadow.Ews.Model;

/// <summary>The outcome of one UpdateItem change: the item's new change key and how many conflicts were resolved.</summary>
public sealed record UpdatedItem(ItemId? ItemId, int ConflictCount);
