namespace MailShadow.Reconciliation.Snapshots;

/// <summary>An item of one site's mailbox with what the reconciler correlates and compares.</summary>
/// <param name="Id">The site's item id.</param>
/// <param name="FolderId">The id of the folder holding it.</param>
public sealed record ItemSnapshot(string Id, string FolderId)
{
    /// <summary>The value of the appliance's transaction-id header, for mail MailShadow delivered.</summary>
    public string? TransactionHeader { get; init; }

    /// <summary>The Internet Message-ID.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>When the site received it (compared to the second, as EWS reports it).</summary>
    public DateTimeOffset? Received { get; init; }

    /// <summary>The size the site reports, in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>
    /// The correlation property the appliance stamps on items it creates: the correlation key of the item it was copied
    /// from, so the copy is recognised even though its received time and size differ from the original's.
    /// </summary>
    public string? CorrelationStamp { get; init; }

    /// <summary>Read state, flag, categories and importance.</summary>
    public ItemProperties Properties { get; init; } = ItemProperties.Default;

    /// <summary>Whether the item's MIME content parses, when the reader checked it; null when unknown.</summary>
    public bool? MimeParses { get; init; }
}
