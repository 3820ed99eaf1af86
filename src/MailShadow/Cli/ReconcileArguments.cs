namespace MailShadow.Cli;

/// <summary>What <c>mailshadow reconcile</c> was asked to do.</summary>
internal sealed record ReconcileArguments(FileInfo Config, string? Mailbox, bool Full, bool DryRun, bool Approve, bool Discard, bool Json)
{
    public bool Deciding => Approve || Discard;

    /// <summary>Why the options do not go together, or null when they do.</summary>
    public string? UsageProblem() =>
        Approve && Discard ? "--approve and --discard exclude each other; choose one."
        : Deciding && string.IsNullOrWhiteSpace(Mailbox) ? $"{Flag} decides on one mailbox's held plan: add --mailbox ADDRESS."
        : Deciding && (Full || DryRun) ? $"{Flag} decides on a held plan; it cannot be combined with --full or --dry-run."
        : null;

    private string Flag => Approve ? "--approve" : "--discard";
}
