namespace MailShadow.Reconciliation.Passes;

/// <summary>What one pass found and did for one mailbox.</summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="Outcome">How the pass ended.</param>
/// <param name="PlanId">The plan's id when the pass planned repairs.</param>
/// <param name="Repairs">Each planned repair, described for people, in plan order.</param>
/// <param name="Applied">Repairs applied on the passive site.</param>
/// <param name="Failed">Repairs that failed there (with the reasons in <paramref name="Notes"/>).</param>
/// <param name="Skipped">Repairs skipped there (their source vanished, or they were no longer needed).</param>
/// <param name="Report">The firewall's report when the plan is held; otherwise null.</param>
/// <param name="Notes">What was left alone and why, and failures, one line each.</param>
/// <param name="Statistics">What the pass cost.</param>
public sealed record MailboxPassReport(
    string Mailbox,
    PassOutcome Outcome,
    Guid? PlanId,
    IReadOnlyList<string> Repairs,
    int Applied,
    int Failed,
    int Skipped,
    string? Report,
    IReadOnlyList<string> Notes,
    PassStatistics Statistics);
