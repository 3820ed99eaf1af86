using System.Xml;
using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using static MailShadow.LabExchange.Ews.Protocol.Reading.EwsNames;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>
/// Parses a SOAP request body into its header and operation. Does no I/O: the caller hands it the bytes it has
/// already read (and bounded). Anything the schema rejects becomes an <c>ErrorSchemaValidation</c> fault with the
/// line and position, as Exchange reports it; an operation the lab does not know becomes <c>ErrorInvalidRequest</c>.
/// </summary>
internal static class EwsRequestReader
{
    private static readonly Dictionary<string, Func<XElement, EwsRequest>> _operations = new(StringComparer.Ordinal)
    {
        ["GetFolder"] = EwsFolderOperationReader.GetFolder,
        ["FindFolder"] = EwsFolderOperationReader.FindFolder,
        ["SyncFolderHierarchy"] = EwsFolderOperationReader.SyncFolderHierarchy,
        ["CreateFolder"] = EwsFolderOperationReader.CreateFolder,
        ["UpdateFolder"] = EwsFolderOperationReader.UpdateFolder,
        ["DeleteFolder"] = EwsFolderOperationReader.DeleteFolder,
        ["MoveFolder"] = element => EwsFolderOperationReader.MoveCopyFolder(element, isCopy: false),
        ["CopyFolder"] = element => EwsFolderOperationReader.MoveCopyFolder(element, isCopy: true),
        ["EmptyFolder"] = EwsFolderOperationReader.EmptyFolder,
        ["FindItem"] = EwsItemOperationReader.FindItem,
        ["GetItem"] = EwsItemOperationReader.GetItem,
        ["SyncFolderItems"] = EwsItemOperationReader.SyncFolderItems,
        ["CreateItem"] = EwsItemOperationReader.CreateItem,
        ["UpdateItem"] = EwsItemOperationReader.UpdateItem,
        ["DeleteItem"] = EwsItemOperationReader.DeleteItem,
        ["MoveItem"] = element => EwsItemOperationReader.MoveCopyItem(element, isCopy: false),
        ["CopyItem"] = element => EwsItemOperationReader.MoveCopyItem(element, isCopy: true),
        ["SendItem"] = EwsItemOperationReader.SendItem,
        ["MarkAllItemsAsRead"] = EwsItemOperationReader.MarkAllItemsAsRead,
        ["ExportItems"] = EwsItemOperationReader.ExportItems,
        ["UploadItems"] = EwsItemOperationReader.UploadItems,
        ["GetAttachment"] = EwsOtherOperationReader.GetAttachment,
        ["CreateAttachment"] = EwsOtherOperationReader.CreateAttachment,
        ["DeleteAttachment"] = EwsOtherOperationReader.DeleteAttachment,
        ["ResolveNames"] = EwsOtherOperationReader.ResolveNames,
        ["ConvertId"] = EwsOtherOperationReader.ConvertId,
    };

    /// <summary>
    /// Operations the lab does not implement whose response message has no required content, so that one error
    /// message in the operation's own response element is a schema-valid answer.
    /// </summary>
    private static readonly HashSet<string> _answeredAsUnsupported = new(StringComparer.Ordinal)
    {
        "Subscribe", "Unsubscribe", "GetEvents", "GetUserConfiguration", "CreateUserConfiguration",
        "UpdateUserConfiguration", "DeleteUserConfiguration", "ExpandDL", "GetServerTimeZones", "CreateFolderPath",
    };

    public static EwsReadResult Read(Stream body, long maxCharacters)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(body, EwsReaderSettings.Create(maxCharacters));
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new EwsReadResult { Fault = EwsFault.Schema(ex.LineNumber, ex.LinePosition, ex.Message) };
        }

        var envelope = document.Root!;
        if (envelope.Name != Soap + "Envelope")
        {
            return Violation(envelope, $"The root element must be {Describe(Soap + "Envelope")}.", operationName: null);
        }

        var header = envelope.Element(Soap + "Header");
        var soapBody = envelope.Element(Soap + "Body");
        if (soapBody is null)
        {
            return Violation(envelope, $"The element {Describe(envelope.Name)} has incomplete content. List of possible elements expected: {Describe(Soap + "Body")}.", null);
        }

        var operations = soapBody.Elements().ToList();
        if (operations.Count != 1)
        {
            return Violation(soapBody, "The SOAP body must hold exactly one operation.", null);
        }

        var operation = operations[0];
        var name = operation.Name.LocalName;
        try
        {
            var soapHeader = header is null ? EwsSoapHeader.Empty : Header(header);
            if (operation.Name.Namespace != M)
            {
                return new EwsReadResult { Header = soapHeader, Fault = EwsFault.Of(EwsResponseCodes.ErrorInvalidRequest) };
            }

            if (_operations.TryGetValue(name, out var parse))
            {
                return new EwsReadResult { Header = soapHeader, Request = parse(operation), OperationName = name };
            }

            if (_answeredAsUnsupported.Contains(name))
            {
                return new EwsReadResult { Header = soapHeader, Request = new UnsupportedRequest(name), OperationName = name };
            }

            return new EwsReadResult { Header = soapHeader, Fault = EwsFault.Of(EwsResponseCodes.ErrorInvalidRequest), OperationName = name };
        }
        catch (EwsSchemaViolationException ex)
        {
            return new EwsReadResult { Fault = EwsFault.Schema(ex.Line, ex.Position, ex.Message), OperationName = name };
        }
    }

    private static EwsSoapHeader Header(XElement header)
    {
        var result = EwsSoapHeader.Empty;
        foreach (var child in header.Elements())
        {
            if (child.Name == T + "RequestServerVersion")
            {
                result = result with { RequestServerVersion = EwsXml.RequiredAttribute(child, "Version") };
            }
            else if (child.Name == T + "ExchangeImpersonation")
            {
                result = result with { Impersonation = Impersonation(child) };
            }
            else if (child.Name == T + "TimeZoneContext")
            {
                result = result with { TimeZoneId = child.Element(T + "TimeZoneDefinition")?.Attribute("Id")?.Value };
            }
        }

        return result;
    }

    private static EwsImpersonation Impersonation(XElement element)
    {
        var children = new EwsChildren(element);
        var sid = children.Required(T + "ConnectingSID");
        children.End();
        var parts = new EwsChildren(sid);
        var who = parts.RequiredChoice(T + "PrincipalName", T + "SID", T + "PrimarySmtpAddress", T + "SmtpAddress");
        parts.End();
        if (string.IsNullOrWhiteSpace(who.Value))
        {
            throw new EwsSchemaViolationException(
                $"The '{who.Name.LocalName}' element is invalid - The value '' is invalid according to its datatype '{EwsNamespaces.Types}:NonEmptyStringType'.", who);
        }

        return new EwsImpersonation(who.Name.LocalName, who.Value.Trim());
    }

    private static EwsReadResult Violation(XElement at, string message, string? operationName)
    {
        var exception = new EwsSchemaViolationException(message, at);
        return new EwsReadResult { Fault = EwsFault.Schema(exception.Line, exception.Position, message), OperationName = operationName };
    }
}
