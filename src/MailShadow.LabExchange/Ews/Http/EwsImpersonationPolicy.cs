using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Reading;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>
/// Decides which mailbox a request acts on. Only the service account may impersonate (any existing mailbox); any
/// other account asking to is refused with <c>ErrorImpersonateUserDenied</c>, as Exchange refuses a user without the
/// ApplicationImpersonation role.
/// </summary>
internal sealed class EwsImpersonationPolicy(EwsEndpointSettings settings, Func<string, bool> mailboxExists)
{
    public EwsImpersonationOutcome Resolve(EwsAccount principal, EwsImpersonation? impersonation)
    {
        if (impersonation is null)
        {
            return new EwsImpersonationOutcome(principal.Address, false, null);
        }

        var isServiceAccount = settings.ServiceAccount is { } service
            && string.Equals(service.Address, principal.Address, StringComparison.OrdinalIgnoreCase);
        if (!isServiceAccount)
        {
            return new EwsImpersonationOutcome(null, true, EwsFault.Of(EwsResponseCodes.ErrorImpersonateUserDenied));
        }

        // The lab has no directory of SIDs; principal names are taken to be the SMTP address, as they usually are.
        if (impersonation.Kind == "SID" || !mailboxExists(impersonation.Value))
        {
            return new EwsImpersonationOutcome(null, true, EwsFault.Of(EwsResponseCodes.ErrorNonExistentMailbox));
        }

        return new EwsImpersonationOutcome(impersonation.Value, true, null);
    }
}
