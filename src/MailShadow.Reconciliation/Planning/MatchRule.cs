namespace MailShadow.Reconciliation.Planning;

/// <summary>Which correlation rule paired two items; the names are stored in plan JSON and must not change.</summary>
public enum MatchRule
{
    /// <summary>The appliance's transaction-id header.</summary>
    TransactionHeader,

    /// <summary>Internet Message-ID, received time and size (same folder first, then across folders as a move).</summary>
    MessageId,

    /// <summary>The correlation property the appliance stamped on a copy.</summary>
    CorrelationStamp,

    /// <summary>A pairing the id map remembered, for items with no key of their own.</summary>
    IdMap,
}
