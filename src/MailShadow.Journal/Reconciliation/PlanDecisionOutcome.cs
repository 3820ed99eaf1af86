namespace MailShadow.Journal.Reconciliation;

/// <summary>What an operator's decision on a held plan did.</summary>
public enum PlanDecisionOutcome
{
    /// <summary>The plan was held and now carries the decision.</summary>
    Decided,

    /// <summary>No plan has that id.</summary>
    NotFound,

    /// <summary>The plan was already approved or discarded; nothing changed.</summary>
    AlreadyDecided,
}
