namespace MailShadow.Ews.Model;

/// <summary>A mailbox address as EWS writes it (<c>t:Mailbox</c>).</summary>
public sealed record Mailbox
{
    public Mailbox(string emailAddress, string? name = null, string? routingType = "SMTP", string? mailboxType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailAddress);
        EmailAddress = emailAddress;
        Name = name;
        RoutingType = routingType;
        MailboxType = mailboxType;
    }

    public string EmailAddress { get; }

    public string? Name { get; }

    public string? RoutingType { get; }

    /// <summary>The schema's <c>MailboxTypeType</c> (<c>Mailbox</c>, <c>PublicDL</c>, <c>Contact</c> …) when the server says.</summary>
    public string? MailboxType { get; }

    public override string ToString() => Name is null ? EmailAddress : $"{Name} <{EmailAddress}>";
}
