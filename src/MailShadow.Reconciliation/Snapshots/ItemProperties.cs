namespace MailShadow.Reconciliation.Snapshots;

/// <summary>
/// The properties of an item that users change after delivery and that the reconciler keeps equal on the passive side.
/// Categories compare as a set (order and repeats do not matter; names are case-sensitive, as Exchange keeps them).
/// </summary>
public sealed record ItemProperties(bool IsRead, MessageFlag Flag, IReadOnlyList<string> Categories, MessageImportance Importance)
{
    /// <summary>Unread, not flagged, no categories, normal importance.</summary>
    public static ItemProperties Default { get; } = new(false, MessageFlag.NotFlagged, [], MessageImportance.Normal);

    public bool Equals(ItemProperties? other) =>
        other is not null && IsRead == other.IsRead && Flag == other.Flag && Importance == other.Importance && SameCategories(Categories, other.Categories);

    public override int GetHashCode() => HashCode.Combine(IsRead, Flag, Importance);

    internal static bool SameCategories(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.SequenceEqual(b, StringComparer.Ordinal)
        || new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b);
}
