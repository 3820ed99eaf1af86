namespace MailShadow.Model;

/// <summary>
/// The state of one transaction on one site. The numeric values are stored and must not change.
/// Pending → InFlight → Applied | Failed | Skipped; InFlight returns to Pending on retry or after a crash.
/// </summary>
public enum SiteState
{
    /// <summary>Waiting to be applied (possibly until a retry time).</summary>
    Pending = 0,

    /// <summary>An attempt is running; after a crash it is ambiguous whether it reached the site.</summary>
    InFlight = 1,

    /// <summary>The site has it.</summary>
    Applied = 2,

    /// <summary>Permanently failed on this site; the reason is recorded.</summary>
    Failed = 3,

    /// <summary>Deliberately not applied (for example an operator discarded it); the reason is recorded.</summary>
    Skipped = 4,
}

/// <summary>Helpers over <see cref="SiteState"/>.</summary>
public static class SiteStateExtensions
{
    /// <summary>True for the states a transaction never leaves.</summary>
    public static bool IsFinal(this SiteState state) =>
        state is SiteState.Applied or SiteState.Failed or SiteState.Skipped;
}
