namespace MailShadow.Model;

/// <summary>The role a site plays at a moment; failover swaps them.</summary>
public enum SiteRole
{
    /// <summary>Serves clients and is the authority for reconciliation.</summary>
    Active,

    /// <summary>Receives replicated transactions.</summary>
    Passive,
}
