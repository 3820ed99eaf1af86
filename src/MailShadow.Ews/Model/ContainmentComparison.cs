namespace MailShadow.Ews.Model;

/// <summary>How a <c>Contains</c> restriction compares characters.</summary>
public enum ContainmentComparison
{
    Exact,
    IgnoreCase,
    IgnoreNonSpacingCharacters,
    Loose,
    IgnoreCaseAndNonSpacingCharacters,
    LooseAndIgnoreCase,
    LooseAndIgnoreNonSpace,
    LooseAndIgnoreCaseAndIgnoreNonSpace,
}
