namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>An item named in a request by <c>t:ItemId</c> (the change key is optional).</summary>
internal sealed record EwsItemReference(string Id, string? ChangeKey);
