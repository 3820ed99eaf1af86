namespace MailShadow.LabExchange.Store;

/// <summary>One entry of a folder's change log.</summary>
/// <param name="ChangeNumber">The store-wide, strictly increasing number of the change.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ItemId">The item's id at the time (a deleted or moved-out item no longer resolves).</param>
public readonly record struct LabItemChange(long ChangeNumber, LabItemChangeKind Kind, string ItemId);
