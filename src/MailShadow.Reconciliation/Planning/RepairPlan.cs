using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// The repairs that make one mailbox's passive side equal to its active side, in the order they must apply (folders
/// renamed, created and moved; duplicates removed; item properties, moves, copies; extras removed; folders deleted last),
/// with the pairings found on the way (for the id map) and what was compared.
/// </summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="Repairs">The repairs, in application order.</param>
/// <param name="FolderMatches">Every folder pairing, the roots included.</param>
/// <param name="ItemMatches">Every item pairing among the compared folders.</param>
/// <param name="ComparedFolders">Passive folders whose items were compared, with their counts before the pass.</param>
/// <param name="Notes">What was left alone and why (folders not under the root, folders listed on one side only).</param>
public sealed record RepairPlan(
    string Mailbox,
    IReadOnlyList<Repair> Repairs,
    IReadOnlyList<FolderMatch> FolderMatches,
    IReadOnlyList<ItemMatch> ItemMatches,
    IReadOnlyList<ComparedFolder> ComparedFolders,
    IReadOnlyList<string> Notes)
{
    public bool IsEmpty => Repairs.Count == 0;

    /// <summary>How many repairs of <paramref name="kind"/> the plan holds.</summary>
    public int Count(RepairKind kind) => Repairs.Count(repair => repair.Kind == kind);

    /// <summary>The repairs of one type, in plan order.</summary>
    public IEnumerable<T> OfType<T>() where T : Repair => Repairs.OfType<T>();
}
