namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>
/// GetItem, CreateItem, MoveItem, CopyItem and UpdateItem messages. <c>m:Items</c> is required by the schema, so it is
/// written (empty) on errors too; UpdateItem adds <c>m:ConflictResults</c>.
/// </summary>
internal sealed record EwsItemInfoMessage : EwsResponseMessage
{
    public IReadOnlyList<EwsItemView> Items { get; init; } = [];

    /// <summary>For UpdateItem: the number of conflicts, written as <c>m:ConflictResults/t:Count</c>.</summary>
    public int? ConflictCount { get; init; }
}
