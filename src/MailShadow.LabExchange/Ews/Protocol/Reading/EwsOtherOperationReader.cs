using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Parsers of the attachment operations, ResolveNames and ConvertId.</summary>
internal static class EwsOtherOperationReader
{
    public static GetAttachmentRequest GetAttachment(XElement operation)
    {
        var children = new EwsChildren(operation);
        var shapeElement = children.Optional(M + "AttachmentShape");
        var ids = AttachmentIds(children.Required(M + "AttachmentIds"));
        children.End();
        var shape = EwsItemShape.IdOnly;
        if (shapeElement is not null)
        {
            var parts = new EwsChildren(shapeElement);
            var mime = parts.Optional(T + "IncludeMimeContent") is { } include && EwsXml.Boolean(include);
            var body = parts.Optional(T + "BodyType") is { } bodyType ? EwsCommonReader.BodyType(bodyType) : EwsBodyType.Best;
            parts.Optional(T + "FilterHtmlContent");
            var additional = parts.Optional(T + "AdditionalProperties") is { } properties ? EwsCommonReader.Paths(properties) : [];
            parts.End();
            shape = new EwsItemShape(EwsBaseShape.Default, additional) { IncludeMimeContent = mime, BodyType = body };
        }

        return new GetAttachmentRequest(ids, shape);
    }

    public static CreateAttachmentRequest CreateAttachment(XElement operation)
    {
        var children = new EwsChildren(operation);
        var parentElement = children.Required(M + "ParentItemId");
        var attachmentsElement = children.Required(M + "Attachments");
        children.End();
        var parent = new EwsItemReference(EwsXml.RequiredAttribute(parentElement, "Id"), parentElement.Attribute("ChangeKey")?.Value);
        var attachments = attachmentsElement.Elements().Select(Attachment).ToList();
        if (attachments.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(attachmentsElement.Name)} has incomplete content. List of possible elements expected: 'ItemAttachment, FileAttachment' in namespace '{EwsNamespaces.Types}'.",
                attachmentsElement);
        }

        return new CreateAttachmentRequest(parent, attachments);
    }

    public static DeleteAttachmentRequest DeleteAttachment(XElement operation)
    {
        var children = new EwsChildren(operation);
        var ids = AttachmentIds(children.Required(M + "AttachmentIds"));
        children.End();
        return new DeleteAttachmentRequest(ids);
    }

    public static ResolveNamesRequest ResolveNames(XElement operation)
    {
        var full = EwsXml.Boolean(operation.Attribute("ReturnFullContactData")
            ?? throw new EwsSchemaViolationException("The required attribute 'ReturnFullContactData' is missing.", operation));
        var children = new EwsChildren(operation);
        if (children.Optional(M + "ParentFolderIds") is { } parents)
        {
            EwsCommonReader.FolderIds(parents);
        }

        var entry = children.Required(M + "UnresolvedEntry");
        children.End();
        if (string.IsNullOrEmpty(entry.Value))
        {
            throw new EwsSchemaViolationException(
                $"The 'UnresolvedEntry' element is invalid - The value '' is invalid according to its datatype '{EwsNamespaces.Types}:NonEmptyStringType' - The actual length is less than the MinLength value.",
                entry);
        }

        return new ResolveNamesRequest(entry.Value, full);
    }

    public static ConvertIdRequest ConvertId(XElement operation)
    {
        var destination = IdFormat(operation.Attribute("DestinationFormat")
            ?? throw new EwsSchemaViolationException("The required attribute 'DestinationFormat' is missing.", operation));
        var children = new EwsChildren(operation);
        var sources = children.Required(M + "SourceIds");
        children.End();
        var ids = new List<EwsAlternateId>();
        foreach (var source in sources.Elements())
        {
            if (source.Name != T + "AlternateId" && source.Name != T + "AlternatePublicFolderId" && source.Name != T + "AlternatePublicFolderItemId")
            {
                throw new EwsSchemaViolationException($"The element {Describe(sources.Name)} has invalid child element {Describe(source.Name)}.", source);
            }

            var format = IdFormat(source.Attribute("Format") ?? throw new EwsSchemaViolationException("The required attribute 'Format' is missing.", source));
            var mailbox = source.Attribute("Mailbox")?.Value ?? "";
            var id = source.Attribute("Id")?.Value ?? source.Attribute("FolderId")?.Value ?? "";
            ids.Add(new EwsAlternateId(format, id, mailbox) { IsArchive = EwsXml.OptionalBooleanAttribute(source, "IsArchive") ?? false });
        }

        if (ids.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(sources.Name)} has incomplete content. List of possible elements expected: 'AlternateId' in namespace '{EwsNamespaces.Types}'.",
                sources);
        }

        return new ConvertIdRequest(destination, ids);
    }

    private static string IdFormat(XAttribute attribute) =>
        EwsXml.Enumeration(attribute.Value, attribute, "IdFormatType", "EwsLegacyId", "EwsId", "EntryId", "HexEntryId", "StoreId", "OwaId");

    private static List<string> AttachmentIds(XElement container)
    {
        var ids = new List<string>();
        foreach (var id in container.Elements())
        {
            if (id.Name != T + "AttachmentId")
            {
                throw new EwsSchemaViolationException($"The element {Describe(container.Name)} has invalid child element {Describe(id.Name)}.", id);
            }

            ids.Add(EwsXml.RequiredAttribute(id, "Id"));
        }

        if (ids.Count == 0)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(container.Name)} has incomplete content. List of possible elements expected: 'AttachmentId' in namespace '{EwsNamespaces.Types}'.",
                container);
        }

        return ids;
    }

    private static EwsAttachmentContent Attachment(XElement element)
    {
        if (element.Name != T + "FileAttachment" && element.Name != T + "ItemAttachment" && element.Name != T + "ReferenceAttachment")
        {
            throw new EwsSchemaViolationException($"The element 'Attachments' has invalid child element {Describe(element.Name)}.", element);
        }

        var attachment = new EwsAttachmentContent();
        foreach (var child in element.Elements())
        {
            attachment = child.Name.LocalName switch
            {
                "Name" => attachment with { Name = child.Value },
                "ContentType" => attachment with { ContentType = child.Value },
                "ContentId" => attachment with { ContentId = child.Value },
                "IsInline" => attachment with { IsInline = EwsXml.Boolean(child) },
                "Content" => attachment with { Content = EwsXml.Base64(child) },
                "Item" or "Message" or "PostItem" => attachment with { Item = EwsItemContentReader.Item(child) },
                _ => attachment,
            };
        }

        if (element.Name == T + "FileAttachment" && attachment.Content is null)
        {
            attachment = attachment with { Content = [] };
        }

        return attachment;
    }
}
