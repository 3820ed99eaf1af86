using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>One <c>t:Resolution</c> of ResolveNames; the contact part is written when full contact data was asked for.</summary>
internal sealed record EwsResolutionView(EwsMailbox Mailbox)
{
    public bool IncludeContact { get; init; }
}
