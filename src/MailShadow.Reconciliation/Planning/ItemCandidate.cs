using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>An item taking part in matching, with its keys computed once.</summary>
internal sealed class ItemCandidate
{
    public ItemCandidate(ItemSnapshot item, string? counterpartFolderId)
    {
        Item = item;
        CounterpartFolderId = counterpartFolderId;
        Transaction = CorrelationKeys.Transaction(item);
        Message = CorrelationKeys.Message(item);
        Stamp = CorrelationKeys.Stamp(item);
        var own = Transaction ?? Message;
        Key = own ?? Stamp ?? CorrelationKeys.ItemPrefix + item.Id;
        OwnOrStamp = own ?? Stamp;
        var tokens = new List<string>(4);
        foreach (var token in (ReadOnlySpan<string?>)[Transaction, Message, Stamp])
        {
            if (token is not null)
            {
                tokens.Add(token);
            }
        }

        tokens.Add(CorrelationKeys.ItemPrefix + item.Id);
        Tokens = tokens;
    }

    /// <summary>The key the item is known by (<see cref="CorrelationKeys.For"/>).</summary>
    public string Key { get; }

    /// <summary>Its own identity, else its stamp; null for a keyless item.</summary>
    public string? OwnOrStamp { get; }

    public ItemSnapshot Item { get; }

    /// <summary>
    /// For an active item, the passive counterpart of its folder (null when the plan creates it); for a passive item,
    /// the active counterpart of its folder (null when the folder has none).
    /// </summary>
    public string? CounterpartFolderId { get; }

    public string? Transaction { get; }

    public string? Message { get; }

    public string? Stamp { get; }

    public IReadOnlyList<string> Tokens { get; }

    public ItemCandidate? Partner { get; private set; }

    public MatchRule Rule { get; private set; }

    public static void Pair(ItemCandidate active, ItemCandidate passive, MatchRule rule)
    {
        active.Partner = passive;
        passive.Partner = active;
        active.Rule = rule;
        passive.Rule = rule;
    }

    /// <summary>True when <paramref name="passive"/> is in the passive counterpart of this active item's folder.</summary>
    public bool SameFolderAs(ItemCandidate passive) =>
        CounterpartFolderId is not null && string.Equals(passive.Item.FolderId, CounterpartFolderId, StringComparison.Ordinal);
}
