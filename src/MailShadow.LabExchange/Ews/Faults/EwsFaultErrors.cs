namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>The answer to a fault rule set the admin API refuses: every problem, each naming its field.</summary>
public sealed record EwsFaultErrors(IReadOnlyList<string> Errors);
