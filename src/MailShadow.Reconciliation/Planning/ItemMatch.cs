namespace MailShadow.Reconciliation.Planning;

/// <summary>An active item and the passive item that is its copy; recorded in the id map under <paramref name="CorrelationKey"/>.</summary>
public sealed record ItemMatch(string ActiveItemId, string PassiveItemId, string CorrelationKey, MatchRule Rule);
