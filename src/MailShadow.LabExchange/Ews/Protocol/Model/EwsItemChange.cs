namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:ItemChange</c>: an item and its updates, applied in order.</summary>
internal sealed record EwsItemChange(EwsItemReference Item, IReadOnlyList<EwsItemUpdate> Updates);
