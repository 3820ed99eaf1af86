using System.Globalization;
using MailShadow.Ingress.Smtp.Connections;
using MailShadow.Ingress.Smtp.Protocol;
using MailShadow.Ingress.Smtp.Verification;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace MailShadow.Ingress.Smtp.Storage;

/// <summary>
/// Decides MAIL and RCPT. SmtpServer words every refusal "550 mailbox unavailable", so a refusal records the reply
/// it means in the session and <see cref="ReplyRewriter"/> sends that instead.
/// </summary>
internal sealed class RecipientFilter(
    long maxMessageSize,
    int maxRecipients,
    RecipientPolicy policy,
    RecipientVerifier? verifier,
    ILogger logger) : IMailboxFilter, IMailboxFilterFactory
{
    public IMailboxFilter CreateInstance(ISessionContext context) => this;

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        var state = SessionState.Of(context);

        // SmtpServer has already refused a SIZE above the limit that fits an int; a larger or garbled one it reads as 0.
        if (state.MailParameters is { } parameters && parameters.TryGetValue("SIZE", out var declared))
        {
            if (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var declaredSize))
            {
                state.Refuse(Replies.InvalidSize);
                return Task.FromResult(false);
            }

            if (declaredSize > maxMessageSize)
            {
                state.Refuse(Replies.MessageTooLarge);
                return Task.FromResult(false);
            }
        }

        state.BeginTransaction();
        return Task.FromResult(true);
    }

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var state = SessionState.Of(context);
        if (state.AcceptedRecipients >= maxRecipients)
        {
            state.Refuse(Replies.TooManyRecipients);
            return false;
        }

        var address = MailboxText.Format(to) ?? "";
        var verdict = policy.Evaluate(to.User, to.Host, state.LastCommand.HasSourceRoute);
        if (verdict != RecipientVerdict.Accepted)
        {
            Log.RecipientRefused(logger, address, verdict, state.Remote);
            state.Refuse(verdict switch
            {
                RecipientVerdict.NotLocal => Replies.RelayDenied,
                RecipientVerdict.Routed => Replies.RoutedAddressDenied,
                _ => Replies.InvalidLocalPart,
            });
            return false;
        }

        if (verifier is not null && await verifier.VerifyAsync(address, cancellationToken) is { } refusal)
        {
            state.Refuse(refusal);
            return false;
        }

        state.AddRecipient();
        return true;
    }
}
