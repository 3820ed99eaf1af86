using MailShadow.Journal.Reconciliation;
using MailShadow.Model;

namespace MailShadow.Reconciliation.Planning;

/// <summary>Turns id map entries into the active → passive pairings the planner takes.</summary>
public static class KnownPairs
{
    public static IReadOnlyDictionary<string, string> From(IEnumerable<IdMapEntry> entries, SiteName active, SiteName passive)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.IdOn(active) is { } activeId && entry.IdOn(passive) is { } passiveId)
            {
                pairs[activeId] = passiveId;
            }
        }

        return pairs;
    }
}
