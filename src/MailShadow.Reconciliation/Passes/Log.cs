using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Passes;

internal static partial class Log
{
    [LoggerMessage(5050, LogLevel.Information, "Reconciling {Mailbox}: {Active} is active, {Passive} passive (full: {Full}, dry run: {DryRun})")]
    public static partial void PassStarted(ILogger logger, string mailbox, string active, string passive, bool full, bool dryRun);

    [LoggerMessage(5051, LogLevel.Information, "Reconciled {Mailbox}: {Outcome}, {Repairs} repairs ({Applied} applied, {Failed} failed, {Skipped} skipped), {EwsCalls} EWS calls, {FoldersCompared} folders compared, {ElapsedMs} ms")]
    public static partial void PassEnded(ILogger logger, string mailbox, PassOutcome outcome, int repairs, int applied, int failed, int skipped, int ewsCalls, int foldersCompared, long elapsedMs);

    [LoggerMessage(5052, LogLevel.Information, "Not reconciling {Mailbox}: {Reason}")]
    public static partial void PassBlocked(ILogger logger, string mailbox, string reason);

    [LoggerMessage(5053, LogLevel.Warning, "The corruption firewall held {Repairs} repairs of {Mailbox} as plan {PlanId}: {Reasons}")]
    public static partial void PlanHeld(ILogger logger, string mailbox, int repairs, Guid planId, string reasons);

    [LoggerMessage(5054, LogLevel.Warning, "Reconciling {Mailbox} failed and will be repeated: {Reason}")]
    public static partial void PassFailed(ILogger logger, string mailbox, string reason, Exception exception);

    [LoggerMessage(5055, LogLevel.Information, "Plan {PlanId} of {Mailbox} {Decision} by {DecidedBy}; {Repairs} repairs journaled")]
    public static partial void PlanDecided(ILogger logger, Guid planId, string mailbox, string decision, string decidedBy, int repairs);

    [LoggerMessage(5056, LogLevel.Warning, "{Pending} repairs of {Mailbox} are not yet final on {Site} after {Timeout}; they stay queued")]
    public static partial void RepairsStillQueued(ILogger logger, string mailbox, int pending, string site, TimeSpan timeout);

    [LoggerMessage(5057, LogLevel.Warning, "Could not resolve mailboxes starting with {Initial} on {Site}: {Reason}")]
    public static partial void DiscoveryFailed(ILogger logger, string initial, string site, string reason);

    [LoggerMessage(5060, LogLevel.Information, "Scheduled reconciliation every {Interval}, first round in {FirstPassDelay}")]
    public static partial void ScheduleStarted(ILogger logger, TimeSpan interval, TimeSpan firstPassDelay);

    [LoggerMessage(5061, LogLevel.Information, "Scheduled round over {Mailboxes} mailboxes ended: {InSync} in sync, {Applied} repaired, {Held} held, {Blocked} blocked, {Failed} failed")]
    public static partial void RoundEnded(ILogger logger, int mailboxes, int inSync, int applied, int held, int blocked, int failed);

    [LoggerMessage(5062, LogLevel.Error, "A scheduled reconciliation round failed")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
