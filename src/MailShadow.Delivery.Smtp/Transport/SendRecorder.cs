using MailKit.Net.Smtp;
using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// Collects the site's answers to the envelope of one MailKit send (MailKit reports each RCPT reply after the
/// pipelined envelope has been answered) and turns them into per-recipient results once the send has ended.
/// </summary>
internal sealed class SendRecorder(IReadOnlyList<(MailboxAddress Mailbox, string Recipient)> recipients)
{
    private readonly Dictionary<string, (bool Accepted, RecipientDisposition Disposition, string Reply)> _answers =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients the site accepted with a 2xx to RCPT.</summary>
    public int Accepted { get; private set; }

    /// <summary>True once every recipient's RCPT has been answered.</summary>
    public bool EnvelopeAnswered => recipients.All(r => _answers.ContainsKey(r.Mailbox.Address));

    public void RecipientAnswered(MailboxAddress mailbox, SmtpResponse response, bool accepted)
    {
        var reply = SmtpReplies.Format(response.StatusCode, response.Response);
        if (accepted)
        {
            Accepted++;
            _answers[mailbox.Address] = (true, RecipientDisposition.Delivered, reply);
            return;
        }

        // MailKit refuses anything from 300 up; only a 5xx is a permanent refusal.
        var disposition = SmtpReplies.Classify(response.StatusCode) == RecipientDisposition.Permanent
            ? RecipientDisposition.Permanent
            : RecipientDisposition.Transient;
        _answers[mailbox.Address] = (false, disposition, reply);
    }

    /// <summary>
    /// The results: accepted recipients share the fate of the transaction (<paramref name="accepted"/>), refused
    /// ones keep their RCPT reply, and unanswered ones get <paramref name="unanswered"/>.
    /// </summary>
    public IReadOnlyList<RecipientResult> Results(
        (RecipientDisposition Disposition, string Reply) accepted,
        (RecipientDisposition Disposition, string Reply) unanswered)
    {
        var results = new List<RecipientResult>(recipients.Count);
        foreach (var (mailbox, recipient) in recipients)
        {
            if (!_answers.TryGetValue(mailbox.Address, out var answer))
            {
                results.Add(new RecipientResult(recipient, unanswered.Disposition, unanswered.Reply));
            }
            else if (answer.Accepted)
            {
                results.Add(new RecipientResult(recipient, accepted.Disposition, accepted.Reply));
            }
            else
            {
                results.Add(new RecipientResult(recipient, answer.Disposition, answer.Reply));
            }
        }

        return results;
    }

    /// <summary>Every recipient gets the same result (the sender was refused).</summary>
    public IReadOnlyList<RecipientResult> All(RecipientDisposition disposition, string reply) =>
        [.. recipients.Select(r => new RecipientResult(r.Recipient, disposition, reply))];
}
