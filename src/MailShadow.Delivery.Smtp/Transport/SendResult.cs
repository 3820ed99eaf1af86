namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>What one SMTP transaction to a site produced.</summary>
/// <param name="Recipients">One result per recipient that was part of the attempt.</param>
/// <param name="Ambiguous">
/// The connection failed after every recipient was accepted and DATA began, before the final reply: the site may
/// or may not have the message. It is sent again with the same bytes; the site's duplicate detection drops a copy.
/// </param>
/// <param name="ConnectionReusable">The connection is still in a known state and may carry another message.</param>
/// <param name="Failure">A short description of a connection-level failure, if there was one.</param>
internal sealed record SendResult(
    IReadOnlyList<RecipientResult> Recipients,
    bool Ambiguous,
    bool ConnectionReusable,
    string? Failure = null);
