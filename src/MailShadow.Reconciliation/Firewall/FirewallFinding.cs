namespace MailShadow.Reconciliation.Firewall;

/// <summary>One reason a plan is held.</summary>
/// <param name="Rule">The guard.</param>
/// <param name="Message">What it found, for people.</param>
/// <param name="Path">The folder concerned, if one.</param>
/// <param name="Count">How many items it concerns, when known.</param>
/// <param name="Limit">The configured limit it passed, for the count and share rules.</param>
public sealed record FirewallFinding(FirewallRule Rule, string Message, string? Path = null, int? Count = null, double? Limit = null);
