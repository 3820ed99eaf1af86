namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:SetItemField</c>, <c>t:AppendToItemField</c> or <c>t:DeleteItemField</c>.</summary>
internal sealed record EwsItemUpdate(EwsUpdateKind Kind, EwsPropertyPath Path, EwsItemContent? Value);
