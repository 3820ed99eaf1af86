using System.Globalization;
using System.Text;
using System.Xml;
using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>Small helpers for writing EWS elements in the <c>t:</c> and <c>m:</c> namespaces.</summary>
internal static class EwsXmlWriterExtensions
{
    public static void StartT(this XmlWriter writer, string name) => writer.WriteStartElement("t", name, EwsNamespaces.Types);

    public static void StartM(this XmlWriter writer, string name) => writer.WriteStartElement("m", name, EwsNamespaces.Messages);

    public static void T(this XmlWriter writer, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.StartT(name);
        writer.WriteString(Sanitize(value));
        writer.WriteEndElement();
    }

    public static void M(this XmlWriter writer, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.StartM(name);
        writer.WriteString(Sanitize(value));
        writer.WriteEndElement();
    }

    public static void T(this XmlWriter writer, string name, bool? value) =>
        writer.T(name, value is null ? null : value.Value ? "true" : "false");

    public static void T(this XmlWriter writer, string name, int? value) =>
        writer.T(name, value?.ToString(CultureInfo.InvariantCulture));

    public static void T(this XmlWriter writer, string name, DateTimeOffset? value) =>
        writer.T(name, value is null ? null : FormatDateTime(value.Value));

    /// <summary>xs:dateTime in UTC without fractions, as Exchange writes it.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void Attribute(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteAttributeString(name, Sanitize(value));
        }
    }

    /// <summary>An ItemIdType/FolderIdType element: Id and optional ChangeKey attributes.</summary>
    public static void IdElement(this XmlWriter writer, string prefix, string ns, string name, string id, string? changeKey)
    {
        writer.WriteStartElement(prefix, name, ns);
        writer.WriteAttributeString("Id", id);
        writer.Attribute("ChangeKey", changeKey);
        writer.WriteEndElement();
    }

    public static void Mailbox(this XmlWriter writer, EwsMailbox mailbox)
    {
        writer.StartT("Mailbox");
        writer.T("Name", mailbox.Name);
        writer.T("EmailAddress", string.IsNullOrEmpty(mailbox.Address) ? null : mailbox.Address);
        writer.T("RoutingType", mailbox.RoutingType);
        writer.T("MailboxType", mailbox.MailboxType);
        writer.WriteEndElement();
    }

    public static void ExtendedFieldUri(this XmlWriter writer, EwsExtendedFieldPath path)
    {
        writer.StartT("ExtendedFieldURI");
        writer.Attribute("DistinguishedPropertySetId", path.DistinguishedPropertySetId);
        writer.Attribute("PropertySetId", path.PropertySetId);
        writer.Attribute("PropertyTag", path.PropertyTag);
        writer.Attribute("PropertyName", path.PropertyName);
        writer.Attribute("PropertyId", path.PropertyId?.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("PropertyType", path.PropertyType);
        writer.WriteEndElement();
    }

    public static void ExtendedProperty(this XmlWriter writer, EwsExtendedProperty property)
    {
        writer.StartT("ExtendedProperty");
        writer.ExtendedFieldUri(property.Path);
        if (property.Values is { } values)
        {
            writer.StartT("Values");
            foreach (var value in values)
            {
                writer.T("Value", value);
            }

            writer.WriteEndElement();
        }
        else
        {
            writer.T("Value", property.Value ?? "");
        }

        writer.WriteEndElement();
    }

    public static void Path(this XmlWriter writer, EwsPropertyPath path)
    {
        switch (path)
        {
            case EwsFieldPath field:
                writer.StartT("FieldURI");
                writer.WriteAttributeString("FieldURI", field.FieldUri);
                writer.WriteEndElement();
                break;
            case EwsIndexedFieldPath indexed:
                writer.StartT("IndexedFieldURI");
                writer.WriteAttributeString("FieldURI", indexed.FieldUri);
                writer.WriteAttributeString("FieldIndex", indexed.FieldIndex);
                writer.WriteEndElement();
                break;
            case EwsExtendedFieldPath extended:
                writer.ExtendedFieldUri(extended);
                break;
        }
    }

    public static void EffectiveRights(this XmlWriter writer)
    {
        writer.StartT("EffectiveRights");
        writer.T("CreateAssociated", true);
        writer.T("CreateContents", true);
        writer.T("CreateHierarchy", true);
        writer.T("Delete", true);
        writer.T("Modify", true);
        writer.T("Read", true);
        writer.T("ViewPrivateItems", true);
        writer.WriteEndElement();
    }

    /// <summary>
    /// Replaces characters XML 1.0 cannot carry (control characters in a subject read from MIME) so that writing
    /// never fails half-way through a response.
    /// </summary>
    public static string Sanitize(string value)
    {
        var firstBad = -1;
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsXmlChar(value, i, out var surrogatePair))
            {
                firstBad = i;
                break;
            }

            if (surrogatePair)
            {
                i++;
            }
        }

        if (firstBad < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            if (IsXmlChar(value, i, out var surrogatePair))
            {
                builder.Append(value[i]);
                if (surrogatePair)
                {
                    builder.Append(value[++i]);
                }
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(string value, int index, out bool surrogatePair)
    {
        surrogatePair = false;
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            surrogatePair = index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]);
            return surrogatePair;
        }

        return c switch
        {
            '\t' or '\n' or '\r' => true,
            < ' ' => false,
            _ when char.IsLowSurrogate(c) => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
    }
}
