using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>
/// One object of a mailbox as each site knows it: the ids the sites gave it (at most one per site) and the correlation
/// key by which it was recognised (the transaction-id header, InternetMessageId with folder, received time and size,
/// or the stamped correlation property; for a folder, a key of the folder's own). Several entries may share a key —
/// copies of one message in several folders — but an id on a site belongs to one entry only.
/// </summary>
public sealed record IdMapEntry
{
    public IdMapEntry(string mailbox, IdMapKind kind, string correlationKey, IReadOnlyList<SiteObjectId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrEmpty(correlationKey);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown id map kind.");
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("An id map entry needs the id of at least one site.", nameof(ids));
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Site.Value, b.Site.Value));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Site.Value is null)
            {
                throw new ArgumentException("An id names no site.", nameof(ids));
            }

            if (i > 0 && sorted[i].Site == sorted[i - 1].Site)
            {
                throw new ArgumentException($"An id map entry holds one id per site; site '{sorted[i].Site}' appears twice.", nameof(ids));
            }
        }

        Mailbox = MailboxAddress.Normalize(mailbox, nameof(mailbox));
        Kind = kind;
        CorrelationKey = correlationKey;
        Ids = sorted;
    }

    /// <summary>The mailbox, trimmed and lower-cased.</summary>
    public string Mailbox { get; }

    public IdMapKind Kind { get; }

    public string CorrelationKey { get; }

    /// <summary>The ids per site, ordered by site name.</summary>
    public IReadOnlyList<SiteObjectId> Ids { get; }

    /// <summary>The id on <paramref name="site"/>, or null when that site's copy is not known.</summary>
    public string? IdOn(SiteName site)
    {
        foreach (var id in Ids)
        {
            if (id.Site == site)
            {
                return id.Id;
            }
        }

        return null;
    }

    public bool Equals(IdMapEntry? other) =>
        other is not null && Mailbox == other.Mailbox && Kind == other.Kind && CorrelationKey == other.CorrelationKey && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => HashCode.Combine(Mailbox, Kind, CorrelationKey, Ids.Count);
}
