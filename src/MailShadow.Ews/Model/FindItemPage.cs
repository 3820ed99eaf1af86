namespace MailShadow.Ews.Model;

/// <summary>
/// One page of FindItem. Ask for the next page with <c>Offset = IndexedPagingOffset</c> until
/// <see cref="IncludesLastItemInRange"/> is true.
/// </summary>
public sealed record FindItemPage(IReadOnlyList<EwsItem> Items, int IndexedPagingOffset, int TotalItemsInView, bool IncludesLastItemInRange);
