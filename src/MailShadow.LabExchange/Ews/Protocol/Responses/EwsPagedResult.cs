namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>The <c>m:RootFolder</c> of FindItem and FindFolder: a page of entries and where it sits in the whole.</summary>
internal sealed record EwsPagedResult<T>(IReadOnlyList<T> Entries, int IndexedPagingOffset, int TotalItemsInView, bool IncludesLastItemInRange);
