namespace MailShadow.LabExchange;

/// <summary>One mailbox user of the lab Exchange. Bound from <c>LabExchange:Users:&lt;n&gt;</c>.</summary>
public sealed class LabUserOptions
{
    /// <summary>The mailbox's primary SMTP address, in one of the accepted domains.</summary>
    public string Address { get; set; } = "";

    /// <summary>The user's password, for EWS Basic authentication. Never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The mailbox's display name; empty means the address's local part.</summary>
    public string DisplayName { get; set; } = "";
}
