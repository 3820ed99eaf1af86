namespace MailShadow.Ews.Model;

/// <summary>
/// The changes to one item (<c>t:ItemChange</c>). <see cref="Kind"/> names the element that carries new values; it must
/// fit the property (read state needs a message kind).
/// </summary>
public sealed record ItemUpdate(ItemId ItemId, IReadOnlyList<ItemFieldChange> Changes)
{
    public ItemKind Kind { get; init; } = ItemKind.Message;
}
