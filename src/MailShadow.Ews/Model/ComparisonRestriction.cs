namespace MailShadow.Ews.Model;

/// <summary>A property compared with a constant.</summary>
public sealed record ComparisonRestriction : Restriction
{
    internal ComparisonRestriction(ComparisonOperator @operator, PropertyPath path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        Operator = @operator;
        Path = path;
        Value = value;
    }

    public ComparisonOperator Operator { get; }

    public PropertyPath Path { get; }

    public string Value { get; }
}
