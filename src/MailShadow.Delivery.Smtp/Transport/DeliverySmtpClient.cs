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

    /// <summary>
    /// The exact size of the current message, for <c>SIZE=</c> and <c>BDAT</c>, so MailKit does not serialize it
    /// twice; null lets MailKit measure it.
    /// </summary>
    public long? CurrentSize { get; set; }

    /// <summary>Whether the current message may go as BDAT when the site offers CHUNKING.</summary>
    public bool UseChunking { get; set; }

    protected override bool PreferSendAsBinaryData => UseChunking;

    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        // Deliberately empty: the base would re-encode 8-bit parts for a 7-bit server and change the bytes.
    }

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        CurrentSize ?? base.GetSize(options, message, cancellationToken);

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        CurrentSize is { } size ? Task.FromResult(size) : base.GetSizeAsync(options, message, cancellationToken);

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Recorder?.RecipientAnswered(mailbox, response, accepted: true);

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Recorder?.RecipientAnswered(mailbox, response, accepted: false);
}
