namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>The outcome of one attempt for one recipient, with the reply that decided it.</summary>
internal sealed record RecipientResult(string Recipient, RecipientDisposition Disposition, string Reply);
