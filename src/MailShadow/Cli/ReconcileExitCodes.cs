namespace MailShadow.Cli;

/// <summary>
/// Exit codes of <c>mailshadow reconcile</c> beyond <see cref="ExitCodes"/>. Several mailboxes in one run exit with the
/// most serious: failed, then held, then blocked.
/// </summary>
internal static class ReconcileExitCodes
{
    /// <summary>A plan was held by the corruption firewall; nothing was applied.</summary>
    public const int Held = 3;

    /// <summary>A pass did not run: a held plan awaits a decision, or earlier repairs are not yet final.</summary>
    public const int Blocked = 4;

    /// <summary>A pass could not finish (a site unreachable, an EWS error); it runs again later.</summary>
    public const int PassFailed = 5;

    /// <summary>--approve/--discard found no held plan for the mailbox.</summary>
    public const int NoHeldPlan = 6;

    /// <summary>--approve/--discard came too late: the plan was already decided.</summary>
    public const int AlreadyDecided = 7;

    /// <summary>EX_USAGE: the options do not go together, or the API refused the request as malformed.</summary>
    public const int Usage = 64;

    /// <summary>EX_UNAVAILABLE: nothing answers at MailShadow:Admin:Listen, or the appliance cannot reconcile now.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_SOFTWARE: the API answered with an unexpected error.</summary>
    public const int ApiError = 70;

    /// <summary>EX_NOPERM: the API refused the token.</summary>
    public const int NoPermission = 77;

    /// <summary>Interrupted (Ctrl+C); a pass already started continues in the appliance.</summary>
    public const int Interrupted = 130;
}
