using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Parsers for the pieces many operations share: folder and item ids, property paths, shapes, views.</summary>
internal static class EwsCommonReader
{
    private static readonly XName[] _pathNames = [T + "FieldURI", T + "IndexedFieldURI", T + "ExtendedFieldURI"];

    /// <summary>A <c>NonEmptyArrayOfBaseFolderIdsType</c>: FolderId and DistinguishedFolderId children, at least one.</summary>
    public static List<EwsFolderReference> FolderIds(XElement container)
    {
        var list = new List<EwsFolderReference>();
        foreach (var child in container.Elements())
        {
            list.Add(FolderId(child));
        }

        if (list.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(container.Name)} has incomplete content. List of possible elements expected: 'FolderId, DistinguishedFolderId' in namespace '{EwsNamespaces.Types}'.",
                container);
        }

        return list;
    }

    /// <summary>A <c>TargetFolderIdType</c>: exactly one FolderId or DistinguishedFolderId.</summary>
    public static EwsFolderReference TargetFolderId(XElement container)
    {
        var children = new EwsChildren(container);
        var id = children.RequiredChoice(T + "FolderId", T + "DistinguishedFolderId", T + "AddressListId");
        children.End();
        return FolderId(id);
    }

    public static EwsFolderReference FolderId(XElement element)
    {
        if (element.Name == T + "FolderId")
        {
            return EwsFolderReference.ById(EwsXml.RequiredAttribute(element, "Id"), element.Attribute("ChangeKey")?.Value);
        }

        if (element.Name == T + "DistinguishedFolderId")
        {
            var name = EwsXml.RequiredAttribute(element, "Id");
            if (!EwsDistinguishedFolderNames.IsValid(name))
            {
                throw new EwsSchemaViolationException(
                    $"The 'Id' attribute is invalid - The value '{name}' is invalid according to its datatype '{EwsNamespaces.Types}:DistinguishedFolderIdNameType' - The Enumeration constraint failed.",
                    element);
            }

            var children = new EwsChildren(element);
            var mailbox = children.Optional(T + "Mailbox");
            children.End();
            return EwsFolderReference.Distinguished(name, mailbox is null ? null : Mailbox(mailbox).Address);
        }

        if (element.Name == T + "AddressListId")
        {
            // Address lists are not mailbox folders: the id names nothing the lab has.
            return EwsFolderReference.ById(EwsXml.RequiredAttribute(element, "Id"));
        }

        throw new EwsSchemaViolationException(
            $"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}.", element);
    }

    /// <summary>A <c>NonEmptyArrayOfBaseItemIdsType</c>: ItemId (and the occurrence id forms), at least one.</summary>
    public static List<EwsItemReference> ItemIds(XElement container, bool allowEmpty = false)
    {
        var list = new List<EwsItemReference>();
        foreach (var child in container.Elements())
        {
            list.Add(ItemId(child));
        }

        if (list.Count == 0 && !allowEmpty)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(container.Name)} has incomplete content. List of possible elements expected: 'ItemId' in namespace '{EwsNamespaces.Types}'.",
                container);
        }

        return list;
    }

    public static EwsItemReference ItemId(XElement element)
    {
        if (element.Name == T + "ItemId")
        {
            return new EwsItemReference(EwsXml.RequiredAttribute(element, "Id"), element.Attribute("ChangeKey")?.Value);
        }

        // Calendar occurrences: the lab has no calendar items, so these ids never resolve; they are still schema-valid.
        if (element.Name == T + "OccurrenceItemId")
        {
            return new EwsItemReference(EwsXml.RequiredAttribute(element, "RecurringMasterId"), element.Attribute("ChangeKey")?.Value);
        }

        if (element.Name == T + "RecurringMasterItemId")
        {
            return new EwsItemReference(EwsXml.RequiredAttribute(element, "OccurrenceId"), element.Attribute("ChangeKey")?.Value);
        }

        throw new EwsSchemaViolationException(
            $"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}.", element);
    }

    public static bool IsPath(XElement element) => Array.IndexOf(_pathNames, element.Name) >= 0;

    /// <summary>A <c>t:Path</c> substitution-group member.</summary>
    public static EwsPropertyPath Path(XElement element)
    {
        if (element.Name == T + "FieldURI")
        {
            return new EwsFieldPath(EwsXml.RequiredAttribute(element, "FieldURI"));
        }

        if (element.Name == T + "IndexedFieldURI")
        {
            return new EwsIndexedFieldPath(EwsXml.RequiredAttribute(element, "FieldURI"), EwsXml.RequiredAttribute(element, "FieldIndex"));
        }

        if (element.Name == T + "ExtendedFieldURI")
        {
            return ExtendedPath(element);
        }

        throw new EwsSchemaViolationException(
            $"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}. List of possible elements expected: 'Path' in namespace '{EwsNamespaces.Types}'.",
            element);
    }

    public static EwsExtendedFieldPath ExtendedPath(XElement element)
    {
        var path = new EwsExtendedFieldPath
        {
            DistinguishedPropertySetId = element.Attribute("DistinguishedPropertySetId")?.Value,
            PropertySetId = element.Attribute("PropertySetId")?.Value,
            PropertyTag = element.Attribute("PropertyTag")?.Value,
            PropertyName = element.Attribute("PropertyName")?.Value,
            PropertyId = EwsXml.OptionalIntAttribute(element, "PropertyId"),
            PropertyType = EwsXml.RequiredAttribute(element, "PropertyType"),
        };

        var byTag = path.PropertyTag is not null;
        var bySet = path.PropertySet is not null && (path.PropertyName is not null ^ path.PropertyId is not null);
        if (byTag == bySet || (byTag && (path.PropertySet is not null || path.PropertyName is not null || path.PropertyId is not null)))
        {
            throw new EwsSchemaViolationException(
                "An extended field must name a property tag, or a property set with a property name or id.", element);
        }

        if (byTag && path.PropertyTagValue is null)
        {
            throw new EwsSchemaViolationException(
                $"The 'PropertyTag' attribute is invalid - The value '{path.PropertyTag}' is invalid according to its datatype '{EwsNamespaces.Types}:PropertyTagType'.",
                element);
        }

        if (path.PropertySetId is not null && !Guid.TryParse(path.PropertySetId, out _))
        {
            throw new EwsSchemaViolationException(
                $"The 'PropertySetId' attribute is invalid - The value '{path.PropertySetId}' is invalid according to its datatype '{EwsNamespaces.Types}:GuidType'.",
                element);
        }

        return path;
    }

    /// <summary>A <c>NonEmptyArrayOfPathsToElementType</c>.</summary>
    public static List<EwsPropertyPath> Paths(XElement container)
    {
        var paths = container.Elements().Select(Path).ToList();
        if (paths.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(container.Name)} has incomplete content. List of possible elements expected: 'Path' in namespace '{EwsNamespaces.Types}'.",
                container);
        }

        return paths;
    }

    public static EwsBaseShape BaseShape(XElement element) =>
        EwsXml.Enumeration(element.Value, element, "DefaultShapeNamesType", "IdOnly", "Default", "AllProperties") switch
        {
            "IdOnly" => EwsBaseShape.IdOnly,
            "Default" => EwsBaseShape.Default,
            _ => EwsBaseShape.AllProperties,
        };

    public static EwsBodyType BodyType(XElement element) =>
        EwsXml.Enumeration(element.Value, element, "BodyTypeResponseType", "Best", "HTML", "Text") switch
        {
            "HTML" => EwsBodyType.Html,
            "Text" => EwsBodyType.Text,
            _ => EwsBodyType.Best,
        };

    public static EwsItemShape ItemShape(XElement element)
    {
        var children = new EwsChildren(element);
        var baseShape = BaseShape(children.Required(T + "BaseShape"));
        var includeMime = children.Optional(T + "IncludeMimeContent") is { } mime && EwsXml.Boolean(mime);
        var bodyType = children.Optional(T + "BodyType") is { } body ? BodyType(body) : EwsBodyType.Best;
        foreach (var name in new[] { "UniqueBodyType", "NormalizedBodyType", "FilterHtmlContent", "ConvertHtmlCodePageToUTF8", "InlineImageUrlTemplate", "BlockExternalImages", "AddBlankTargetToLinks", "MaximumBodySize" })
        {
            children.Optional(T + name);
        }

        var additional = children.Optional(T + "AdditionalProperties") is { } properties ? Paths(properties) : [];
        children.End();
        return new EwsItemShape(baseShape, additional) { IncludeMimeContent = includeMime, BodyType = bodyType };
    }

    public static EwsFolderShape FolderShape(XElement element)
    {
        var children = new EwsChildren(element);
        var baseShape = BaseShape(children.Required(T + "BaseShape"));
        var additional = children.Optional(T + "AdditionalProperties") is { } properties ? Paths(properties) : [];
        children.End();
        return new EwsFolderShape(baseShape, additional);
    }

    /// <summary>An <c>IndexedPage*View</c> or <c>FractionalPage*View</c> element.</summary>
    public static EwsPageView PageView(XElement element)
    {
        var max = EwsXml.OptionalIntAttribute(element, "MaxEntriesReturned");
        if (max is <= 0)
        {
            throw new EwsSchemaViolationException("MaxEntriesReturned must be greater than zero.", element);
        }

        if (element.Name.LocalName.StartsWith("Fractional", StringComparison.Ordinal))
        {
            var numerator = EwsXml.Int(element.Attribute("Numerator") ?? throw Missing(element, "Numerator"));
            var denominator = EwsXml.Int(element.Attribute("Denominator") ?? throw Missing(element, "Denominator"));
            return new EwsPageView { MaxEntriesReturned = max, Fraction = (numerator, denominator) };
        }

        var offset = EwsXml.Int(element.Attribute("Offset") ?? throw Missing(element, "Offset"));
        var basePoint = EwsXml.Enumeration(EwsXml.RequiredAttribute(element, "BasePoint"), element, "IndexBasePointType", "Beginning", "End");
        if (offset < 0)
        {
            throw new EwsSchemaViolationException("Offset must not be negative.", element);
        }

        return new EwsPageView { MaxEntriesReturned = max, Offset = offset, FromEnd = basePoint == "End" };
    }

    public static List<EwsSortField> SortOrder(XElement element)
    {
        var fields = new List<EwsSortField>();
        foreach (var order in element.Elements())
        {
            if (order.Name != T + "FieldOrder")
            {
                throw new EwsSchemaViolationException($"The element {Describe(element.Name)} has invalid child element {Describe(order.Name)}.", order);
            }

            var direction = EwsXml.Enumeration(EwsXml.RequiredAttribute(order, "Order"), order, "SortDirectionType", "Ascending", "Descending");
            var children = new EwsChildren(order);
            var path = Path(children.RequiredChoice(_pathNames));
            children.End();
            fields.Add(new EwsSortField(path, direction == "Descending"));
        }

        return fields;
    }

    /// <summary>A <c>t:Mailbox</c> (EmailAddressType); its children are all optional.</summary>
    public static EwsMailbox Mailbox(XElement element)
    {
        string? name = null, address = null, routing = null, type = null;
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Name":
                    name = child.Value;
                    break;
                case "EmailAddress":
                    address = child.Value.Trim();
                    break;
                case "RoutingType":
                    routing = child.Value.Trim();
                    break;
                case "MailboxType":
                    type = child.Value.Trim();
                    break;
            }
        }

        return new EwsMailbox(name, address) { RoutingType = routing, MailboxType = type };
    }

    private static EwsSchemaViolationException Missing(XElement element, string attribute) =>
        new($"The required attribute '{attribute}' is missing.", element);
}
