namespace MailShadow.Ews.Model;

/// <summary>One match of ResolveNames.</summary>
public sealed record NameResolution(Mailbox Mailbox, string? ContactDisplayName);
