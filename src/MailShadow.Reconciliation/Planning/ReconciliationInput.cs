using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>What the planner compares: both sites' snapshots of one mailbox and the pairings the id map remembers.</summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="Active">The authority.</param>
/// <param name="Passive">The side to repair.</param>
public sealed record ReconciliationInput(string Mailbox, MailboxSnapshot Active, MailboxSnapshot Passive)
{
    private static readonly IReadOnlyDictionary<string, string> _none = new Dictionary<string, string>();

    /// <summary>Active folder id → passive folder id, from the id map; how renames and moves of folders are recognised.</summary>
    public IReadOnlyDictionary<string, string> KnownFolderPairs { get; init; } = _none;

    /// <summary>Active item id → passive item id, from the id map; used for items that carry no key of their own.</summary>
    public IReadOnlyDictionary<string, string> KnownItemPairs { get; init; } = _none;
}
