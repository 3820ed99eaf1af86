using System.Globalization;
using System.Text;
using System.Xml;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>
/// Writes an <see cref="EwsResponse"/> as Exchange does: a SOAP 1.1 envelope with <c>ServerVersionInfo</c> in the
/// header and <c>m:&lt;Op&gt;Response/m:ResponseMessages</c> in the body. Items, folders and changes are written one at
/// a time and the buffer is drained to the destination whenever it passes the threshold, so a response
/// of any size costs one item of memory.
/// </summary>
internal static class EwsResponseWriter
{
    public const int DefaultFlushThreshold = 32 * 1024;

    private static readonly XmlWriterSettings _settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
    };

    public static async Task WriteAsync(
        Stream destination,
        EwsServerVersionInfo version,
        EwsResponse response,
        CancellationToken cancellationToken,
        int flushThreshold = DefaultFlushThreshold)
    {
        using var buffer = new EwsOutputBuffer();
        using (var writer = XmlWriter.Create(buffer, _settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("s", "Envelope", EwsNamespaces.Soap);
            writer.WriteStartElement("s", "Header", EwsNamespaces.Soap);
            WriteServerVersionInfo(writer, version);
            writer.WriteEndElement();
            writer.WriteStartElement("s", "Body", EwsNamespaces.Soap);
            writer.WriteAttributeString("xmlns", "xsi", null, EwsNamespaces.XmlSchemaInstance);
            writer.WriteAttributeString("xmlns", "xsd", null, EwsNamespaces.XmlSchema);
            writer.WriteStartElement("m", response.OperationName + "Response", EwsNamespaces.Messages);
            writer.WriteAttributeString("xmlns", "m", null, EwsNamespaces.Messages);
            writer.WriteAttributeString("xmlns", "t", null, EwsNamespaces.Types);
            writer.StartM("ResponseMessages");
            foreach (var message in response.Messages)
            {
                foreach (var unused in WriteMessage(writer, response.OperationName, message))
                {
                    writer.Flush();
                    if (buffer.Length >= flushThreshold)
                    {
                        await buffer.DrainAsync(destination, cancellationToken);
                    }
                }

                writer.Flush();
                if (buffer.Length >= flushThreshold)
                {
                    await buffer.DrainAsync(destination, cancellationToken);
                }
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        await buffer.DrainAsync(destination, cancellationToken);
    }

    public static void WriteServerVersionInfo(XmlWriter writer, EwsServerVersionInfo version)
    {
        writer.WriteStartElement("h", "ServerVersionInfo", EwsNamespaces.Types);
        writer.WriteAttributeString("xmlns", "h", null, EwsNamespaces.Types);
        writer.WriteAttributeString("MajorVersion", version.MajorVersion.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("MinorVersion", version.MinorVersion.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("MajorBuildNumber", version.MajorBuildNumber.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("MinorBuildNumber", version.MinorBuildNumber.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("Version", version.Version);
        writer.WriteEndElement();
    }

    /// <summary>Writes one response message; yields after each item, folder or change so the caller can drain.</summary>
    private static IEnumerable<bool> WriteMessage(XmlWriter writer, string operation, EwsResponseMessage message)
    {
        writer.StartM(operation + "ResponseMessage");
        writer.WriteAttributeString("ResponseClass", message.ResponseClass.ToString());
        writer.M("MessageText", message.MessageText);
        writer.M("ResponseCode", message.ResponseCode);
        if (message.ResponseClass != EwsResponseClass.Success)
        {
            writer.M("DescriptiveLinkKey", "0");
        }

        if (message.MessageXmlValues.Count > 0 || message.MessageXmlPath is not null)
        {
            writer.StartM("MessageXml");
            if (message.MessageXmlPath is { } path)
            {
                writer.Path(path);
            }

            foreach (var (name, value) in message.MessageXmlValues)
            {
                writer.StartT("Value");
                writer.WriteAttributeString("Name", name);
                writer.WriteString(value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        var steps = message switch
        {
            EwsFolderInfoMessage folders => FolderInfo(writer, folders),
            EwsFindFolderMessage find => FindFolder(writer, find),
            EwsFindItemMessage find => FindItem(writer, find),
            EwsItemInfoMessage items => ItemInfo(writer, items),
            EwsSyncItemsMessage sync => SyncItems(writer, sync),
            EwsSyncHierarchyMessage sync => SyncHierarchy(writer, sync),
            EwsExportItemMessage export => Export(writer, export),
            EwsUploadItemMessage upload => Upload(writer, upload),
            EwsAttachmentInfoMessage attachments => AttachmentInfo(writer, attachments),
            EwsDeleteAttachmentMessage deleted => DeleteAttachment(writer, deleted),
            EwsResolveNamesMessage resolve => ResolveNames(writer, resolve),
            EwsConvertIdMessage convert => ConvertId(writer, convert),
            _ => [],
        };
        foreach (var step in steps)
        {
            yield return step;
        }

        writer.WriteEndElement();
    }

    private static IEnumerable<bool> FolderInfo(XmlWriter writer, EwsFolderInfoMessage message)
    {
        if (!message.IsSuccess && message.Folders.Count == 0)
        {
            yield break;
        }

        writer.StartM("Folders");
        foreach (var folder in message.Folders)
        {
            EwsFolderWriter.Write(writer, folder);
            yield return true;
        }

        writer.WriteEndElement();
    }

    private static IEnumerable<bool> FindFolder(XmlWriter writer, EwsFindFolderMessage message)
    {
        if (message.RootFolder is not { } root)
        {
            yield break;
        }

        StartRootFolder(writer, root.IndexedPagingOffset, root.TotalItemsInView, root.IncludesLastItemInRange);
        writer.StartT("Folders");
        foreach (var folder in root.Entries)
        {
            EwsFolderWriter.Write(writer, folder);
            yield return true;
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static IEnumerable<bool> FindItem(XmlWriter writer, EwsFindItemMessage message)
    {
        if (message.RootFolder is not { } root)
        {
            yield break;
        }

        StartRootFolder(writer, root.IndexedPagingOffset, root.TotalItemsInView, root.IncludesLastItemInRange);
        writer.StartT("Items");
        foreach (var item in root.Entries)
        {
            EwsItemWriter.Write(writer, item);
            yield return true;
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void StartRootFolder(XmlWriter writer, int offset, int total, bool includesLast)
    {
        writer.StartM("RootFolder");
        writer.WriteAttributeString("IndexedPagingOffset", offset.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("TotalItemsInView", total.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("IncludesLastItemInRange", includesLast ? "true" : "false");
    }

    private static IEnumerable<bool> ItemInfo(XmlWriter writer, EwsItemInfoMessage message)
    {
        writer.StartM("Items");
        foreach (var item in message.Items)
        {
            EwsItemWriter.Write(writer, item);
            yield return true;
        }

        writer.WriteEndElement();
        if (message.ConflictCount is { } conflicts)
        {
            writer.StartM("ConflictResults");
            writer.T("Count", conflicts);
            writer.WriteEndElement();
        }
    }

    private static IEnumerable<bool> SyncItems(XmlWriter writer, EwsSyncItemsMessage message)
    {
        if (!message.IsSuccess)
        {
            yield break;
        }

        writer.M("SyncState", message.SyncState ?? "");
        writer.M("IncludesLastItemInRange", message.IncludesLastItemInRange ? "true" : "false");
        writer.StartM("Changes");
        foreach (var change in message.Changes)
        {
            writer.StartT(change.Kind.ToString());
            switch (change.Kind)
            {
                case EwsChangeKind.Create or EwsChangeKind.Update when change.Item is { } item:
                    EwsItemWriter.Write(writer, item);
                    break;
                case EwsChangeKind.ReadFlagChange:
                    writer.IdElement("t", EwsNamespaces.Types, "ItemId", change.ItemId, change.ChangeKey);
                    writer.T("IsRead", change.IsRead);
                    break;
                default:
                    writer.IdElement("t", EwsNamespaces.Types, "ItemId", change.ItemId, change.ChangeKey);
                    break;
            }

            writer.WriteEndElement();
            yield return true;
        }

        writer.WriteEndElement();
    }

    private static IEnumerable<bool> SyncHierarchy(XmlWriter writer, EwsSyncHierarchyMessage message)
    {
        if (!message.IsSuccess)
        {
            yield break;
        }

        writer.M("SyncState", message.SyncState ?? "");
        writer.M("IncludesLastFolderInRange", message.IncludesLastFolderInRange ? "true" : "false");
        writer.StartM("Changes");
        foreach (var change in message.Changes)
        {
            writer.StartT(change.Kind == EwsChangeKind.ReadFlagChange ? "Update" : change.Kind.ToString());
            if (change.Kind is EwsChangeKind.Create or EwsChangeKind.Update && change.Folder is { } folder)
            {
                EwsFolderWriter.Write(writer, folder);
            }
            else
            {
                writer.IdElement("t", EwsNamespaces.Types, "FolderId", change.FolderId, change.ChangeKey);
            }

            writer.WriteEndElement();
            yield return true;
        }

        writer.WriteEndElement();
    }

    private static IEnumerable<bool> Export(XmlWriter writer, EwsExportItemMessage message)
    {
        if (message.ItemId is { } id)
        {
            writer.IdElement("m", EwsNamespaces.Messages, "ItemId", id, message.ChangeKey);
        }

        if (message.Data is { } data)
        {
            writer.StartM("Data");
            writer.WriteBase64(data, 0, data.Length);
            writer.WriteEndElement();
        }

        return [];
    }

    private static IEnumerable<bool> Upload(XmlWriter writer, EwsUploadItemMessage message)
    {
        if (message.ItemId is { } id)
        {
            writer.IdElement("m", EwsNamespaces.Messages, "ItemId", id, message.ChangeKey);
        }

        return [];
    }

    private static IEnumerable<bool> AttachmentInfo(XmlWriter writer, EwsAttachmentInfoMessage message)
    {
        writer.StartM("Attachments");
        foreach (var attachment in message.Attachments)
        {
            EwsAttachmentWriter.Write(writer, attachment);
            yield return true;
        }

        writer.WriteEndElement();
    }

    private static IEnumerable<bool> DeleteAttachment(XmlWriter writer, EwsDeleteAttachmentMessage message)
    {
        if (message.RootItemId is { } root)
        {
            writer.StartM("RootItemId");
            writer.WriteAttributeString("RootItemId", root);
            writer.WriteAttributeString("RootItemChangeKey", message.RootItemChangeKey ?? "");
            writer.WriteEndElement();
        }

        return [];
    }

    private static IEnumerable<bool> ResolveNames(XmlWriter writer, EwsResolveNamesMessage message)
    {
        if (message.Resolutions is not { } resolutions)
        {
            return [];
        }

        writer.StartM("ResolutionSet");
        writer.WriteAttributeString("TotalItemsInView", resolutions.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("IncludesLastItemInRange", "true");
        foreach (var resolution in resolutions)
        {
            writer.StartT("Resolution");
            writer.Mailbox(resolution.Mailbox);
            if (resolution.IncludeContact)
            {
                writer.StartT("Contact");
                writer.T("DisplayName", resolution.Mailbox.Name ?? resolution.Mailbox.Address);
                writer.StartT("EmailAddresses");
                writer.StartT("Entry");
                writer.WriteAttributeString("Key", "EmailAddress1");
                writer.WriteString("SMTP:" + resolution.Mailbox.Address);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.T("ContactSource", "ActiveDirectory");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        return [];
    }

    private static IEnumerable<bool> ConvertId(XmlWriter writer, EwsConvertIdMessage message)
    {
        if (message.AlternateId is { } id)
        {
            writer.StartM("AlternateId");
            writer.WriteAttributeString("xsi", "type", EwsNamespaces.XmlSchemaInstance, "t:AlternateIdType");
            writer.WriteAttributeString("Format", id.Format);
            writer.WriteAttributeString("Id", id.Id);
            writer.WriteAttributeString("Mailbox", id.Mailbox);
            writer.WriteEndElement();
        }

        return [];
    }
}
