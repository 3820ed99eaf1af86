using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Repairs;

/// <summary>The properties to set on a passive item; null means leave as it is.</summary>
public sealed record PropertyChanges(bool? IsRead = null, MessageFlag? Flag = null, IReadOnlyList<string>? Categories = null, MessageImportance? Importance = null)
{
    /// <summary>The changes that make <paramref name="passive"/> equal to <paramref name="active"/>, or null when they are equal.</summary>
    public static PropertyChanges? Between(ItemProperties active, ItemProperties passive)
    {
        var changes = new PropertyChanges(
            active.IsRead != passive.IsRead ? active.IsRead : null,
            active.Flag != passive.Flag ? active.Flag : null,
            ItemProperties.SameCategories(active.Categories, passive.Categories) ? null : active.Categories,
            active.Importance != passive.Importance ? active.Importance : null);
        return changes.IsEmpty ? null : changes;
    }

    public bool IsEmpty => IsRead is null && Flag is null && Categories is null && Importance is null;

    public bool Equals(PropertyChanges? other) =>
        other is not null && IsRead == other.IsRead && Flag == other.Flag && Importance == other.Importance
        && (Categories is null ? other.Categories is null : other.Categories is not null && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(IsRead, Flag, Importance, Categories?.Count);

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (IsRead is { } read)
        {
            parts.Add(read ? "read" : "unread");
        }

        if (Flag is { } flag)
        {
            parts.Add($"flag {flag}");
        }

        if (Categories is { } categories)
        {
            parts.Add(categories.Count == 0 ? "no categories" : $"categories {string.Join(", ", categories)}");
        }

        if (Importance is { } importance)
        {
            parts.Add($"importance {importance}");
        }

        return string.Join("; ", parts);
    }
}
