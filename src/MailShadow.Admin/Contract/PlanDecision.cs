namespace MailShadow.Admin.Contract;

/// <summary>What an operator decides about a held plan.</summary>
public enum PlanDecision
{
    /// <summary>Journal the plan's repairs for the passive site.</summary>
    Approve,

    /// <summary>Throw the plan away; the mailbox's next pass is full.</summary>
    Discard,
}
