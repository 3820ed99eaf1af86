namespace MailShadow.LabExchange.Store;

/// <summary>
/// An item to create from its raw MIME. Subject, sender, Message-Id, dates and importance are read from the MIME;
/// the other properties are given here.
/// </summary>
public sealed record LabNewItem(byte[] Mime)
{
    public string ItemClass { get; init; } = "IPM.Note";

    public bool IsRead { get; init; }

    public LabFlagStatus FlagStatus { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Overrides the importance read from the MIME.</summary>
    public LabImportance? Importance { get; init; }

    public IReadOnlyDictionary<ExtendedPropertyKey, string>? ExtendedProperties { get; init; }

    /// <summary>The received time to keep (an uploaded or repaired copy keeps the original's); null means now.</summary>
    public DateTimeOffset? DateTimeReceived { get; init; }
}
