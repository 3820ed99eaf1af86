namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:Exists</c>: the item has the property.</summary>
internal sealed record EwsExistsRestriction(EwsPropertyPath Path) : EwsRestriction;
