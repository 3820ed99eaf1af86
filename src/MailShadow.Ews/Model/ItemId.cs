namespace MailShadow.Ews.Model;

/// <summary>
/// An Exchange item id. <see cref="Id"/> is opaque and case-sensitive (compared ordinally) and means nothing on
/// another server; <see cref="ChangeKey"/> names one version of the item and changes on every modification.
/// </summary>
public sealed record ItemId
{
    public ItemId(string id, string? changeKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        ChangeKey = string.IsNullOrEmpty(changeKey) ? null : changeKey;
    }

    public string Id { get; }

    public string? ChangeKey { get; }

    /// <summary>The same item without a version, for calls that must not fail on a stale change key.</summary>
    public ItemId WithoutChangeKey() => ChangeKey is null ? this : new ItemId(Id);

    public override string ToString() => Id;
}
