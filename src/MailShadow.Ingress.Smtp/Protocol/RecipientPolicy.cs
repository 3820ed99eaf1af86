namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>Which recipients this server may accept at all: only plain addresses in the accepted domains.</summary>
internal sealed class RecipientPolicy
{
    private readonly HashSet<string> _domains;

    public RecipientPolicy(IEnumerable<string> acceptedDomains)
    {
        _domains = new HashSet<string>(acceptedDomains.Select(domain => domain.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
    }

    public RecipientVerdict Evaluate(string localPart, string domain, bool hasSourceRoute)
    {
        if (hasSourceRoute || localPart.AsSpan().IndexOfAny('%', '!', '@') >= 0)
        {
            return RecipientVerdict.Routed;
        }

        if (!_domains.Contains(domain.TrimEnd('.')))
        {
            return RecipientVerdict.NotLocal;
        }

        return MailboxText.IsDotAtom(localPart) ? RecipientVerdict.Accepted : RecipientVerdict.InvalidLocalPart;
    }
}
