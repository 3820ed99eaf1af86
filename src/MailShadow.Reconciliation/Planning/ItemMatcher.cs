namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// Pairs active and passive items by the correlation rules in order — transaction header, then Message-ID with
/// received time and size, then the stamped correlation property, then the id map — each rule first within the same
/// folder and only then across folders (a move). Pairing is one to one, so several copies of a message pair off
/// with as many copies on the other side and any surplus is left over.
/// </summary>
internal static class ItemMatcher
{
    public static void Match(IReadOnlyList<ItemCandidate> active, IReadOnlyList<ItemCandidate> passive, IReadOnlyDictionary<string, string> knownPairs)
    {
        ByKey(active, passive, static c => c.Transaction, MatchRule.TransactionHeader);
        ByKey(active, passive, static c => c.Message, MatchRule.MessageId);
        ByStamp(active, passive);
        ByIdMap(active, passive, knownPairs);
    }

    private static void ByKey(IReadOnlyList<ItemCandidate> active, IReadOnlyList<ItemCandidate> passive, Func<ItemCandidate, string?> key, MatchRule rule)
    {
        var index = new Dictionary<string, List<ItemCandidate>>(StringComparer.Ordinal);
        foreach (var candidate in passive)
        {
            if (candidate.Partner is null && key(candidate) is { } value)
            {
                Add(index, value, candidate);
            }
        }

        if (index.Count == 0)
        {
            return;
        }

        foreach (var sameFolder in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var candidate in active)
            {
                if (candidate.Partner is null && key(candidate) is { } value && index.TryGetValue(value, out var passives)
                    && FirstFree(candidate, passives, sameFolder) is { } partner)
                {
                    ItemCandidate.Pair(candidate, partner, rule);
                }
            }
        }
    }

    /// <summary>
    /// A stamped copy names the key of its source: the passive stamp may name any key of the active item (its header,
    /// message key, its id), and after a failover the active item may be the stamped copy naming the passive one.
    /// </summary>
    private static void ByStamp(IReadOnlyList<ItemCandidate> active, IReadOnlyList<ItemCandidate> passive)
    {
        var byStamp = new Dictionary<string, List<ItemCandidate>>(StringComparer.Ordinal);
        var byToken = new Dictionary<string, List<ItemCandidate>>(StringComparer.Ordinal);
        foreach (var candidate in passive)
        {
            if (candidate.Partner is not null)
            {
                continue;
            }

            if (candidate.Stamp is { } stamp)
            {
                Add(byStamp, stamp, candidate);
            }

            foreach (var token in candidate.Tokens)
            {
                Add(byToken, token, candidate);
            }
        }

        foreach (var sameFolder in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var candidate in active)
            {
                if (candidate.Partner is not null)
                {
                    continue;
                }

                ItemCandidate? partner = null;
                foreach (var token in candidate.Tokens)
                {
                    if (byStamp.TryGetValue(token, out var stamped) && (partner = FirstFree(candidate, stamped, sameFolder)) is not null)
                    {
                        break;
                    }
                }

                if (partner is null && candidate.Stamp is { } stamp && byToken.TryGetValue(stamp, out var named))
                {
                    partner = FirstFree(candidate, named, sameFolder);
                }

                if (partner is not null)
                {
                    ItemCandidate.Pair(candidate, partner, MatchRule.CorrelationStamp);
                }
            }
        }
    }

    private static void ByIdMap(IReadOnlyList<ItemCandidate> active, IReadOnlyList<ItemCandidate> passive, IReadOnlyDictionary<string, string> knownPairs)
    {
        if (knownPairs.Count == 0)
        {
            return;
        }

        var passiveById = new Dictionary<string, ItemCandidate>(StringComparer.Ordinal);
        foreach (var candidate in passive)
        {
            if (candidate.Partner is null)
            {
                passiveById.TryAdd(candidate.Item.Id, candidate);
            }
        }

        foreach (var candidate in active)
        {
            if (candidate.Partner is null
                && knownPairs.TryGetValue(candidate.Item.Id, out var passiveId)
                && passiveById.TryGetValue(passiveId, out var partner)
                && partner.Partner is null)
            {
                ItemCandidate.Pair(candidate, partner, MatchRule.IdMap);
            }
        }
    }

    private static ItemCandidate? FirstFree(ItemCandidate active, List<ItemCandidate> passives, bool sameFolder)
    {
        foreach (var passive in passives)
        {
            if (passive.Partner is null && (!sameFolder || active.SameFolderAs(passive)))
            {
                return passive;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, List<ItemCandidate>> index, string key, ItemCandidate candidate)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index.Add(key, list);
        }

        list.Add(candidate);
    }
}
