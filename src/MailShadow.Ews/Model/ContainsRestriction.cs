namespace MailShadow.Ews.Model;

/// <summary>A string property contains a constant.</summary>
public sealed record ContainsRestriction : Restriction
{
    internal ContainsRestriction(PropertyPath path, string value, ContainmentMode mode, ContainmentComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        Path = path;
        Value = value;
        Mode = mode;
        Comparison = comparison;
    }

    public PropertyPath Path { get; }

    public string Value { get; }

    public ContainmentMode Mode { get; }

    public ContainmentComparison Comparison { get; }
}
