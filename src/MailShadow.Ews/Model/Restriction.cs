namespace MailShadow.Ews.Model;

/// <summary>
/// A search condition for FindItem and FindFolder (<c>m:Restriction</c>). Build one with the factory methods, for example
/// <c>Restriction.IsEqualTo(FieldUri.InternetMessageId, "&lt;id@example.com&gt;")</c>.
/// </summary>
public abstract record Restriction
{
    private protected Restriction()
    {
    }

    public static Restriction IsEqualTo(PropertyPath path, string value) => new ComparisonRestriction(ComparisonOperator.IsEqualTo, path, value);

    public static Restriction IsNotEqualTo(PropertyPath path, string value) => new ComparisonRestriction(ComparisonOperator.IsNotEqualTo, path, value);

    public static Restriction IsGreaterThan(PropertyPath path, string value) => new ComparisonRestriction(ComparisonOperator.IsGreaterThan, path, value);

    public static Restriction IsGreaterThanOrEqualTo(PropertyPath path, string value) =>
        new ComparisonRestriction(ComparisonOperator.IsGreaterThanOrEqualTo, path, value);

    public static Restriction IsLessThan(PropertyPath path, string value) => new ComparisonRestriction(ComparisonOperator.IsLessThan, path, value);

    public static Restriction IsLessThanOrEqualTo(PropertyPath path, string value) =>
        new ComparisonRestriction(ComparisonOperator.IsLessThanOrEqualTo, path, value);

    /// <summary>The property is set.</summary>
    public static Restriction Exists(PropertyPath path) => new ExistsRestriction(path);

    /// <summary>A string property contains (or starts with, or equals) the value.</summary>
    public static Restriction Contains(
        PropertyPath path,
        string value,
        ContainmentMode mode = ContainmentMode.Substring,
        ContainmentComparison comparison = ContainmentComparison.IgnoreCase) =>
        new ContainsRestriction(path, value, mode, comparison);

    public static Restriction And(params Restriction[] operands) => new LogicalRestriction(isAnd: true, Require(operands));

    public static Restriction Or(params Restriction[] operands) => new LogicalRestriction(isAnd: false, Require(operands));

    public static Restriction Not(Restriction operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return new NotRestriction(operand);
    }

    private static Restriction[] Require(Restriction[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Length == 0)
        {
            throw new ArgumentException("At least one operand is required.", nameof(operands));
        }

        return [.. operands];
    }
}
