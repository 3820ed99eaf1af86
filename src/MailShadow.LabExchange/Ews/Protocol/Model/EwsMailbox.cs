namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A <c>t:Mailbox</c> (EmailAddressType): a display name and an SMTP address.</summary>
internal sealed record EwsMailbox(string? Name, string? Address)
{
    public string? RoutingType { get; init; } = "SMTP";

    public string? MailboxType { get; init; } = "Mailbox";
}
