namespace MailShadow.Ews.Model;

/// <summary>The comparisons a restriction can make between a property and a constant.</summary>
public enum ComparisonOperator
{
    IsEqualTo,
    IsNotEqualTo,
    IsGreaterThan,
    IsGreaterThanOrEqualTo,
    IsLessThan,
    IsLessThanOrEqualTo,
}
