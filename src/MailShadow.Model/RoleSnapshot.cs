namespace MailShadow.Model;

/// <summary>
/// Which site is active and which passive, as of one moment. Immutable and replaced whole on failover, so a
/// reader never sees half a flip.
/// </summary>
/// <param name="Active">Serves clients; the authority for reconciliation; the site for recipient callouts.</param>
/// <param name="Passive">Receives replicated transactions.</param>
/// <param name="Since">When this assignment took effect.</param>
public sealed record RoleSnapshot(SiteName Active, SiteName Passive, DateTimeOffset Since)
{
    public SiteRole RoleOf(SiteName site) => site == Active ? SiteRole.Active : SiteRole.Passive;
}

/// <summary>Gives the current <see cref="RoleSnapshot"/>; the failover controller replaces it.</summary>
public interface IRoleSource
{
    RoleSnapshot Current { get; }
}
