using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Model;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>
/// Reads an item element (<c>t:Message</c>, <c>t:Item</c>…) of a request into <see cref="EwsItemContent"/>. Properties
/// the lab does not keep (reminders, receipts requested…) are accepted and dropped, as long as they are in the types
/// namespace.
/// </summary>
internal static class EwsItemContentReader
{
    public static EwsItemContent Item(XElement element)
    {
        if (element.Name.Namespace != T)
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}.", element);
        }

        var content = new EwsItemContent { ElementName = element.Name.LocalName };
        var given = new List<string>();
        var extended = new List<EwsExtendedProperty>();
        foreach (var child in element.Elements())
        {
            if (child.Name.Namespace != T)
            {
                throw new EwsSchemaViolationException(
                    $"The element {Describe(element.Name)} has invalid child element {Describe(child.Name)}.", child);
            }

            given.Add(child.Name.LocalName);
            content = child.Name.LocalName switch
            {
                "MimeContent" => content with { MimeContent = EwsXml.Base64(child) },
                "ItemClass" => content with { ItemClass = child.Value },
                "Subject" => content with { Subject = child.Value },
                "Sensitivity" => content with { Sensitivity = EwsXml.Enumeration(child.Value, child, "SensitivityChoicesType", "Normal", "Personal", "Private", "Confidential") },
                "Body" => content with { Body = new EwsBody(EwsXml.Enumeration(EwsXml.RequiredAttribute(child, "BodyType"), child, "BodyTypeType", "HTML", "Text"), child.Value) },
                "Categories" => content with { Categories = Strings(child) },
                "Importance" => content with { Importance = EwsXml.Enumeration(child.Value, child, "ImportanceChoicesType", "Low", "Normal", "High") },
                "InReplyTo" => content with { InReplyTo = child.Value },
                "IsDraft" => content with { IsDraft = EwsXml.Boolean(child) },
                "Flag" => content with { FlagStatus = FlagStatus(child) },
                "Sender" => content with { Sender = SingleRecipient(child) },
                "From" => content with { From = SingleRecipient(child) },
                "ToRecipients" => content with { ToRecipients = Recipients(child) },
                "CcRecipients" => content with { CcRecipients = Recipients(child) },
                "BccRecipients" => content with { BccRecipients = Recipients(child) },
                "ReplyTo" => content with { ReplyTo = Recipients(child) },
                "InternetMessageId" => content with { InternetMessageId = child.Value },
                "IsRead" => content with { IsRead = EwsXml.Boolean(child) },
                "References" => content with { References = child.Value },
                _ => content,
            };

            if (child.Name.LocalName == "ExtendedProperty")
            {
                extended.Add(ExtendedProperty(child));
            }
        }

        return content with { ExtendedProperties = extended, GivenElements = given };
    }

    public static EwsFolderContent Folder(XElement element)
    {
        var name = element.Name.LocalName;
        if (element.Name.Namespace != T || name is not ("Folder" or "CalendarFolder" or "ContactsFolder" or "SearchFolder" or "TasksFolder"))
        {
            throw new EwsSchemaViolationException(
                $"The element {Describe(element.Parent?.Name ?? element.Name)} has invalid child element {Describe(element.Name)}.", element);
        }

        var content = new EwsFolderContent { ElementName = name };
        var extended = new List<EwsExtendedProperty>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "FolderClass":
                    content = content with { FolderClass = child.Value };
                    break;
                case "DisplayName":
                    content = content with { DisplayName = child.Value };
                    break;
                case "ExtendedProperty":
                    extended.Add(ExtendedProperty(child));
                    break;
            }
        }

        return content with { ExtendedProperties = extended };
    }

    public static EwsExtendedProperty ExtendedProperty(XElement element)
    {
        var children = new EwsChildren(element);
        var path = EwsCommonReader.ExtendedPath(children.Required(T + "ExtendedFieldURI"));
        var value = children.OptionalChoice(T + "Value", T + "Values")
            ?? throw new EwsSchemaViolationException(
                $"The element {Describe(element.Name)} has incomplete content. List of possible elements expected: 'Value, Values' in namespace '{EwsNamespaces.Types}'.",
                element);
        children.End();
        return value.Name.LocalName == "Value"
            ? new EwsExtendedProperty(path, value.Value)
            : new EwsExtendedProperty(path, null, [.. value.Elements(T + "Value").Select(v => v.Value)]);
    }

    private static List<string> Strings(XElement element) => [.. element.Elements(T + "String").Select(s => s.Value)];

    private static string FlagStatus(XElement flag)
    {
        var status = flag.Element(T + "FlagStatus")
            ?? throw new EwsSchemaViolationException(
                $"The element {Describe(flag.Name)} has incomplete content. List of possible elements expected: 'FlagStatus' in namespace '{EwsNamespaces.Types}'.",
                flag);
        return EwsXml.Enumeration(status.Value, status, "FlagStatusType", "NotFlagged", "Flagged", "Complete");
    }

    private static EwsMailbox SingleRecipient(XElement element)
    {
        var children = new EwsChildren(element);
        var mailbox = EwsCommonReader.Mailbox(children.Required(T + "Mailbox"));
        children.End();
        return mailbox;
    }

    private static List<EwsMailbox> Recipients(XElement element) =>
        [.. element.Elements(T + "Mailbox").Select(EwsCommonReader.Mailbox)];
}
