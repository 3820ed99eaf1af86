namespace MailShadow.Ews.Model;

/// <summary>One page of FindFolder; page on like <see cref="FindItemPage"/>.</summary>
public sealed record FindFolderPage(IReadOnlyList<EwsFolder> Folders, int IndexedPagingOffset, int TotalItemsInView, bool IncludesLastItemInRange);
