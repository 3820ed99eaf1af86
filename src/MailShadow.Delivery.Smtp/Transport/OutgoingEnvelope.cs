namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>The envelope of one attempt: the journaled sender (null for &lt;&gt;) and the recipients still to reach.</summary>
internal sealed record OutgoingEnvelope(string? Sender, IReadOnlyList<string> Recipients);
