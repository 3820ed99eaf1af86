using MailKit.Net.Smtp;
using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// MailKit's client with the behaviour delivery needs: a refused recipient is recorded instead of aborting the
/// others (the default <see cref="SmtpClient.OnRecipientNotAccepted"/> throws), and the message is never
/// re-encoded (the journaled bytes are what the site must receive).
/// </summary>
internal sealed class DeliverySmtpClient : SmtpClient
{
    /// <summary>Where the current send records its RCPT replies.</summary>
    public SendRecorder? Recorder { get; set; }

    /// <summary>The size of the current message, for <c>SIZE=</c>, so MailKit does not serialize it twice.</summary>
    public long CurrentSize { get; set; }

    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        // Deliberately empty: the base would re-encode 8-bit parts for a 7-bit server and change the bytes.
    }

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) => CurrentSize;

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(CurrentSize);

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Recorder?.RecipientAnswered(mailbox, response, accepted: true);

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Recorder?.RecipientAnswered(mailbox, response, accepted: false);
}
