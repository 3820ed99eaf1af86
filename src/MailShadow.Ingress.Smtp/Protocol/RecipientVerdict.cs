namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>What the local policy says about a recipient before any site is asked.</summary>
internal enum RecipientVerdict
{
    Accepted,

    /// <summary>Not one of the accepted domains: accepting it would make the server a relay.</summary>
    NotLocal,

    /// <summary>A source route, or a local part carrying another address (%, !, @): the old ways to relay.</summary>
    Routed,

    /// <summary>A local part that is not a dot-atom (quoted, or with characters no mailbox has).</summary>
    InvalidLocalPart,
}
