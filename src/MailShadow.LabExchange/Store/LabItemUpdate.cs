namespace MailShadow.LabExchange.Store;

/// <summary>
/// The properties an update sets; null leaves a property as it is. An update that sets only <see cref="IsRead"/> is
/// logged as a read-flag change, any other as an update; either way the item gets a new change key.
/// </summary>
public sealed record LabItemUpdate
{
    public bool? IsRead { get; init; }

    public LabFlagStatus? FlagStatus { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public LabImportance? Importance { get; init; }

    public string? Subject { get; init; }

    /// <summary>Extended properties to set (added or replaced).</summary>
    public IReadOnlyDictionary<ExtendedPropertyKey, string>? SetExtendedProperties { get; init; }

    /// <summary>Extended properties to remove.</summary>
    public IReadOnlyCollection<ExtendedPropertyKey>? RemoveExtendedProperties { get; init; }

    /// <summary>New raw MIME content (a draft being edited); the metadata read from MIME is read again.</summary>
    public byte[]? Mime { get; init; }

    internal bool IsReadFlagOnly =>
        IsRead is not null && FlagStatus is null && Categories is null && Importance is null && Subject is null
        && SetExtendedProperties is null && RemoveExtendedProperties is null && Mime is null;
}
