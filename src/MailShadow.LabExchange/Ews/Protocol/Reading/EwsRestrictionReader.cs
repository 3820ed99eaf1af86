using System.Globalization;
using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Parses <c>m:Restriction</c> into a <see cref="EwsRestriction"/> tree.</summary>
internal static class EwsRestrictionReader
{
    // Deep nesting is legal XML but no real client needs it; the limit keeps recursion bounded.
    private const int MaxDepth = 32;

    public static EwsRestriction Restriction(XElement restriction)
    {
        var children = new EwsChildren(restriction);
        var expression = children.Peek ?? throw new EwsSchemaViolationException(
            $"The element {Describe(restriction.Name)} has incomplete content. List of possible elements expected: 'SearchExpression' in namespace '{EwsNamespaces.Types}'.",
            restriction);
        children.Optional(expression.Name);
        children.End();
        return Expression(expression, 0);
    }

    private static EwsRestriction Expression(XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new EwsSchemaViolationException("The restriction is nested too deeply.", element);
        }

        if (element.Name.Namespace != T)
        {
            throw Invalid(element);
        }

        switch (element.Name.LocalName)
        {
            case "And":
                return new EwsAndRestriction(Operands(element, depth));
            case "Or":
                return new EwsOrRestriction(Operands(element, depth));
            case "Not":
                var operands = Operands(element, depth);
                if (operands.Count != 1)
                {
                    throw new EwsSchemaViolationException("Not takes exactly one search expression.", element);
                }

                return new EwsNotRestriction(operands[0]);
            case "Exists":
                return new EwsExistsRestriction(SinglePath(element));
            case "Excludes":
                return Excludes(element);
            case "Contains":
                return Contains(element);
            case "IsEqualTo":
                return Compare(element, EwsComparison.IsEqualTo);
            case "IsNotEqualTo":
                return Compare(element, EwsComparison.IsNotEqualTo);
            case "IsGreaterThan":
                return Compare(element, EwsComparison.IsGreaterThan);
            case "IsGreaterThanOrEqualTo":
                return Compare(element, EwsComparison.IsGreaterThanOrEqualTo);
            case "IsLessThan":
                return Compare(element, EwsComparison.IsLessThan);
            case "IsLessThanOrEqualTo":
                return Compare(element, EwsComparison.IsLessThanOrEqualTo);
            default:
                throw Invalid(element);
        }
    }

    private static List<EwsRestriction> Operands(XElement element, int depth)
    {
        var operands = element.Elements().Select(child => Expression(child, depth + 1)).ToList();
        if (operands.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(element.Name)} has incomplete content. List of possible elements expected: 'SearchExpression' in namespace '{EwsNamespaces.Types}'.",
                element);
        }

        return operands;
    }

    private static EwsPropertyPath SinglePath(XElement element)
    {
        var children = new EwsChildren(element);
        var path = children.Peek is { } first && EwsCommonReader.IsPath(first) ? EwsCommonReader.Path(first) : throw Incomplete(element, "Path");
        children.Optional(children.Peek!.Name);
        children.End();
        return path;
    }

    private static EwsCompareRestriction Compare(XElement element, EwsComparison comparison)
    {
        var children = new EwsChildren(element);
        var pathElement = children.Peek is { } first && EwsCommonReader.IsPath(first) ? first : throw Incomplete(element, "Path");
        children.Optional(pathElement.Name);
        var operand = children.Required(T + "FieldURIOrConstant");
        children.End();

        var operandChildren = new EwsChildren(operand);
        var value = operandChildren.Peek ?? throw Incomplete(operand, "Path, Constant");
        operandChildren.Optional(value.Name);
        operandChildren.End();
        var restriction = new EwsCompareRestriction(comparison, EwsCommonReader.Path(pathElement));
        return value.Name == T + "Constant"
            ? restriction with { Constant = EwsXml.RequiredAttribute(value, "Value") }
            : restriction with { OtherPath = EwsCommonReader.Path(value) };
    }

    private static EwsContainsRestriction Contains(XElement element)
    {
        var children = new EwsChildren(element);
        var pathElement = children.Peek is { } first && EwsCommonReader.IsPath(first) ? first : throw Incomplete(element, "Path");
        children.Optional(pathElement.Name);
        var constant = children.Required(T + "Constant");
        children.End();

        var mode = element.Attribute("ContainmentMode") is { } modeAttribute
            ? EwsXml.Enumeration(modeAttribute.Value, modeAttribute, "ContainmentModeType", "FullString", "Prefixed", "Substring", "PrefixOnWords", "ExactPhrase")
            : "FullString";
        var comparison = element.Attribute("ContainmentComparison") is { } comparisonAttribute
            ? EwsXml.Enumeration(comparisonAttribute.Value, comparisonAttribute, "ContainmentComparisonType", "Exact", "IgnoreCase", "IgnoreNonSpacingCharacters", "Loose", "IgnoreCaseAndNonSpacingCharacters", "LooseAndIgnoreCase", "LooseAndIgnoreNonSpace", "LooseAndIgnoreCaseAndIgnoreNonSpace")
            : "Exact";
        return new EwsContainsRestriction(EwsCommonReader.Path(pathElement), EwsXml.RequiredAttribute(constant, "Value"))
        {
            Mode = mode,
            IgnoreCase = comparison != "Exact",
        };
    }

    private static EwsExcludesRestriction Excludes(XElement element)
    {
        var children = new EwsChildren(element);
        var pathElement = children.Peek is { } first && EwsCommonReader.IsPath(first) ? first : throw Incomplete(element, "Path");
        children.Optional(pathElement.Name);
        var bitmask = children.Required(T + "Bitmask");
        children.End();
        var text = EwsXml.RequiredAttribute(bitmask, "Value").Trim();
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : (long?)null
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        return new EwsExcludesRestriction(
            EwsCommonReader.Path(pathElement),
            parsed ?? throw new EwsSchemaViolationException($"The value '{text}' is not a valid bitmask.", bitmask));
    }

    private static EwsSchemaViolationException Invalid(XElement element) =>
        new($"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}. List of possible elements expected: 'SearchExpression' in namespace '{EwsNamespaces.Types}'.", element);

    private static EwsSchemaViolationException Incomplete(XElement element, string expected) =>
        new($"The element {Describe(element.Name)} has incomplete content. List of possible elements expected: '{expected}' in namespace '{EwsNamespaces.Types}'.", element);
}
