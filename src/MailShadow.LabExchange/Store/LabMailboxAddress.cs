namespace MailShadow.LabExchange.Store;

/// <summary>A display name and SMTP address, as a message's From header gives them.</summary>
public sealed record LabMailboxAddress(string? Name, string Address)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}
