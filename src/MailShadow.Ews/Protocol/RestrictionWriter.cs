using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes <c>m:Restriction</c> and its search expressions.</summary>
internal static class RestrictionWriter
{
    public static void Write(XmlWriter writer, Restriction restriction)
    {
        writer.WriteStartM("Restriction");
        WriteExpression(writer, restriction);
        writer.WriteEndElement();
    }

    private static void WriteExpression(XmlWriter writer, Restriction restriction)
    {
        switch (restriction)
        {
            case ComparisonRestriction comparison:
                writer.WriteStartT(comparison.Operator.ToString());
                PathWriter.Write(writer, comparison.Path);
                writer.WriteStartT("FieldURIOrConstant");
                WriteConstant(writer, comparison.Value);
                writer.WriteEndElement();
                writer.WriteEndElement();
                break;
            case ExistsRestriction exists:
                writer.WriteStartT("Exists");
                PathWriter.Write(writer, exists.Path);
                writer.WriteEndElement();
                break;
            case ContainsRestriction contains:
                writer.WriteStartT("Contains");
                writer.WriteAttributeString("ContainmentMode", contains.Mode.ToString());
                writer.WriteAttributeString("ContainmentComparison", contains.Comparison.ToString());
                PathWriter.Write(writer, contains.Path);
                WriteConstant(writer, contains.Value);
                writer.WriteEndElement();
                break;
            case LogicalRestriction logical:
                writer.WriteStartT(logical.IsAnd ? "And" : "Or");
                foreach (var operand in logical.Operands)
                {
                    WriteExpression(writer, operand);
                }

                writer.WriteEndElement();
                break;
            case NotRestriction not:
                writer.WriteStartT("Not");
                WriteExpression(writer, not.Operand);
                writer.WriteEndElement();
                break;
            default:
                throw new ArgumentException($"Unknown restriction type {restriction.GetType().Name}.", nameof(restriction));
        }
    }

    private static void WriteConstant(XmlWriter writer, string value)
    {
        writer.WriteStartT("Constant");
        writer.WriteAttributeString("Value", value);
        writer.WriteEndElement();
    }

    public static void WriteSortOrder(XmlWriter writer, IReadOnlyList<FieldOrder> order)
    {
        if (order.Count == 0)
        {
            return;
        }

        writer.WriteStartM("SortOrder");
        foreach (var field in order)
        {
            writer.WriteStartT("FieldOrder");
            writer.WriteAttributeString("Order", field.Direction.ToString());
            PathWriter.Write(writer, field.Path);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
