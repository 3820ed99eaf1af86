namespace MailShadow.Model;

/// <summary>
/// A configured Exchange site ("primary", "standby"). Names are configuration, roles are not:
/// code asks which site is active or passive, never which one is called primary.
/// </summary>
public readonly record struct SiteName
{
    public SiteName(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    public string Value { get; }

    public override string ToString() => Value;
}
