namespace MailShadow.Reconciliation.Firewall;

/// <summary>What happens to a mailbox's plan; the names are stored in report JSON and must not change.</summary>
public enum FirewallDecision
{
    /// <summary>Its repairs are journaled and applied.</summary>
    Apply,

    /// <summary>Nothing is applied until an operator approves or discards it.</summary>
    Hold,
}
