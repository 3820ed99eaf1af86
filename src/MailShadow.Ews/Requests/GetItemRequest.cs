using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>GetItem: the given items in the requested shape, one result per id in the same order.</summary>
public sealed record GetItemRequest(IReadOnlyList<ItemId> ItemIds)
{
    public ItemShape Shape { get; init; } = ItemShape.IdOnly;
}
