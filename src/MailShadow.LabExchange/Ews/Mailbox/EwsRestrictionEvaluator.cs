using System.Globalization;
using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// Evaluates a restriction against one object, through an accessor that gives each property's value. String
/// comparisons ignore case, as Exchange's do; constants are read in the type of the property they are compared with.
/// </summary>
internal static class EwsRestrictionEvaluator
{
    /// <summary>The first path in the restriction the accessor cannot query, or null when all can be.</summary>
    public static EwsPropertyPath? FindUnsupported(EwsRestriction restriction, Func<EwsPropertyPath, EwsPropertyValue> accessor) => restriction switch
    {
        EwsAndRestriction and => and.Operands.Select(operand => FindUnsupported(operand, accessor)).FirstOrDefault(path => path is not null),
        EwsOrRestriction or => or.Operands.Select(operand => FindUnsupported(operand, accessor)).FirstOrDefault(path => path is not null),
        EwsNotRestriction not => FindUnsupported(not.Operand, accessor),
        EwsExistsRestriction exists => Probe(exists.Path, accessor),
        EwsCompareRestriction compare => Probe(compare.Path, accessor) ?? (compare.OtherPath is { } other ? Probe(other, accessor) : null),
        EwsContainsRestriction contains => Probe(contains.Path, accessor),
        EwsExcludesRestriction excludes => Probe(excludes.Path, accessor),
        _ => null,
    };

    public static bool Matches(EwsRestriction restriction, Func<EwsPropertyPath, EwsPropertyValue> accessor) => restriction switch
    {
        EwsAndRestriction and => and.Operands.All(operand => Matches(operand, accessor)),
        EwsOrRestriction or => or.Operands.Any(operand => Matches(operand, accessor)),
        EwsNotRestriction not => !Matches(not.Operand, accessor),
        EwsExistsRestriction exists => accessor(exists.Path).Value is not null,
        EwsCompareRestriction compare => Compare(compare, accessor),
        EwsContainsRestriction contains => Contains(contains, accessor(contains.Path).Value),
        EwsExcludesRestriction excludes => accessor(excludes.Path).Value is not long number || (number & excludes.Bitmask) == 0,
        _ => false,
    };

    private static EwsPropertyPath? Probe(EwsPropertyPath path, Func<EwsPropertyPath, EwsPropertyValue> accessor) =>
        accessor(path).Supported ? null : path;

    private static bool Compare(EwsCompareRestriction compare, Func<EwsPropertyPath, EwsPropertyValue> accessor)
    {
        var left = accessor(compare.Path).Value;
        var right = compare.OtherPath is { } other ? accessor(other).Value : compare.Constant;
        if (left is IReadOnlyList<string> many)
        {
            // A multi-valued property matches when any value does (categories).
            return compare.Comparison == EwsComparison.IsNotEqualTo
                ? many.All(value => Compare(EwsComparison.IsNotEqualTo, value, right))
                : many.Any(value => Compare(compare.Comparison, value, right));
        }

        return Compare(compare.Comparison, left, right);
    }

    private static bool Compare(EwsComparison comparison, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return comparison == EwsComparison.IsNotEqualTo && (left is null) != (right is null);
        }

        var order = Order(left, right);
        return comparison switch
        {
            EwsComparison.IsEqualTo => order == 0,
            EwsComparison.IsNotEqualTo => order != 0,
            EwsComparison.IsGreaterThan => order > 0,
            EwsComparison.IsGreaterThanOrEqualTo => order >= 0,
            EwsComparison.IsLessThan => order < 0,
            _ => order <= 0,
        };
    }

    private static int Order(object left, object right)
    {
        var text = right as string ?? Convert.ToString(right, CultureInfo.InvariantCulture) ?? "";
        switch (left)
        {
            case long number:
                return right is long other ? number.CompareTo(other)
                    : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? number.CompareTo(parsed)
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? ((double)number).CompareTo(real)
                    : string.Compare(number.ToString(CultureInfo.InvariantCulture), text, StringComparison.OrdinalIgnoreCase);
            case bool flag:
                var parsedFlag = right is bool b ? b : text.Trim() is "true" or "1" or "True";
                return flag == parsedFlag ? 0 : flag ? 1 : -1;
            case DateTimeOffset time:
                return right is DateTimeOffset otherTime ? time.CompareTo(otherTime)
                    : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedTime) ? TruncateToSeconds(time).CompareTo(TruncateToSeconds(parsedTime))
                    : -1;
            default:
                return string.Compare(Convert.ToString(left, CultureInfo.InvariantCulture), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static bool Contains(EwsContainsRestriction contains, object? value)
    {
        var comparison = contains.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        IEnumerable<string> texts = value switch
        {
            null => [],
            IReadOnlyList<string> many => many,
            _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""],
        };
        return texts.Any(text => contains.Mode switch
        {
            "FullString" => string.Equals(text, contains.Constant, comparison),
            "Prefixed" => text.StartsWith(contains.Constant, comparison),
            "PrefixOnWords" => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(contains.Constant, comparison)),
            _ => text.Contains(contains.Constant, comparison),
        });
    }
}
