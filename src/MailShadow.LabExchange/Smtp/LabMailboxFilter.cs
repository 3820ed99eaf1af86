using System.Diagnostics.CodeAnalysis;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// Decides each RCPT as Exchange's recipient filtering does: another domain is relaying (550 5.7.1), an unknown
/// mailbox is refused (550 5.1.1) unless mailboxes are created on demand. Injected RCPT faults strike first.
/// Rejections are thrown as <see cref="SmtpResponseException"/>, the library's only way to give a RCPT its own reply.
/// </summary>
internal sealed class LabMailboxFilter(LabSite site) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.AsAddress() ?? "";
        if (site.Faults.Strike(LabSmtpFaultStage.Rcpt, [address]) is { } hit)
        {
            await ApplyAsync(context, hit, address, cancellationToken);
        }

        if (!site.IsAcceptedDomain(to.Host ?? ""))
        {
            Reject(address, LabSmtpReplies.UnableToRelay);
        }

        if (!site.Store.TryGetMailbox(address, out _))
        {
            if (!site.Options.AutoCreateMailboxes)
            {
                Reject(address, LabSmtpReplies.UserUnknown);
            }

            CreateMailbox(address, to.User);
        }

        return true;
    }

    private async Task ApplyAsync(ISessionContext context, LabFaultHit hit, string address, CancellationToken cancellationToken)
    {
        site.Counters.FaultStruck();
        Log.FaultStruck(site.SmtpLogger, site.SiteName, hit.Fault.Id, hit.Fault.Kind, hit.Fault.Stage);
        switch (hit.Fault.Kind)
        {
            case LabSmtpFaultKind.TempFail:
            case LabSmtpFaultKind.PermFail:
                Reject(address, hit.Fault.Reply!.ToResponse());
                break;
            case LabSmtpFaultKind.Hang:
                await LabSmtpHang.HoldAsync(context, hit, cancellationToken);
                site.Counters.ConnectionDropped();
                throw new SmtpResponseException(SmtpResponse.ServiceClosingTransmissionChannel, quit: true);
        }
    }

    private void CreateMailbox(string address, string? localPart)
    {
        try
        {
            site.Store.EnsureMailbox(address, localPart ?? address);
            Log.MailboxAutoCreated(site.SmtpLogger, site.SiteName, address);
        }
        catch (LabStoreException exception)
        {
            Log.StoreFailed(site.SmtpLogger, site.SiteName, exception.Failure, exception);
            throw new SmtpResponseException(LabSmtpReplies.ForStoreFailure(exception.Failure));
        }
    }

    [DoesNotReturn]
    private void Reject(string address, SmtpResponse response)
    {
        site.Counters.RecipientRejected();
        Log.RecipientRejected(site.SmtpLogger, site.SiteName, address, (int)response.ReplyCode, response.Message);
        throw new SmtpResponseException(response);
    }
}
