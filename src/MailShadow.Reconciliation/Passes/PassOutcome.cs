namespace MailShadow.Reconciliation.Passes;

/// <summary>How a pass over one mailbox ended; the names are part of the admin API.</summary>
public enum PassOutcome
{
    /// <summary>Both sites already hold the same content; nothing to do.</summary>
    InSync,

    /// <summary>Repairs were journaled and every one is final on the passive site.</summary>
    Applied,

    /// <summary>A dry run: repairs planned and reported, nothing applied or stored.</summary>
    Planned,

    /// <summary>The corruption firewall held the plan for an operator; nothing was applied.</summary>
    Held,

    /// <summary>The pass did not run: a held plan awaits a decision, or earlier work for the mailbox is not yet final.</summary>
    Blocked,

    /// <summary>The pass could not finish (a site unreachable, an EWS error); it is repeated later, nothing is lost.</summary>
    Failed,
}
