using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace MailShadow.Ews.Tests.Support;

/// <summary>Responders for <see cref="ScriptedEwsServer"/>: SOAP answers, faults, HTTP errors, and broken connections.</summary>
internal static class Respond
{
    public const string M = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public const string T = "http://schemas.microsoft.com/exchange/services/2006/types";

    public const string Exchange2019Version =
        "<h:ServerVersionInfo xmlns:h=\"http://schemas.microsoft.com/exchange/services/2006/types\" MajorVersion=\"15\" MinorVersion=\"2\" MajorBuildNumber=\"1544\" MinorBuildNumber=\"4\" Version=\"V2017_07_11\"/>";

    public static string Envelope(string body, string? header = Exchange2019Version) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">" +
        (header is null ? "" : $"<s:Header>{header}</s:Header>") +
        $"<s:Body>{body}</s:Body></s:Envelope>";

    public static string Response(string operation, params string[] messages) =>
        Envelope($"<m:{operation}Response xmlns:m=\"{M}\" xmlns:t=\"{T}\"><m:ResponseMessages>{string.Concat(messages)}</m:ResponseMessages></m:{operation}Response>");

    public static string Success(string operation, string payload = "") =>
        $"<m:{operation}ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>{payload}</m:{operation}ResponseMessage>";

    public static string Error(string operation, string code, string text, string payload = "", string messageXml = "") =>
        $"<m:{operation}ResponseMessage ResponseClass=\"Error\"><m:MessageText>{text}</m:MessageText><m:ResponseCode>{code}</m:ResponseCode>" +
        $"<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>{(messageXml.Length == 0 ? "" : $"<m:MessageXml>{messageXml}</m:MessageXml>")}{payload}</m:{operation}ResponseMessage>";

    public static string FaultEnvelope(string code, string text, int? backOffMilliseconds = null) => Envelope(
        "<s:Fault><faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:" + code + "</faultcode>" +
        $"<faultstring xml:lang=\"en-US\">{text}</faultstring><detail>" +
        $"<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">{code}</e:ResponseCode>" +
        $"<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">{text}</e:Message>" +
        (backOffMilliseconds is { } backOff
            ? $"<t:MessageXml xmlns:t=\"{T}\"><t:Value Name=\"BackOffMilliseconds\">{backOff.ToString(CultureInfo.InvariantCulture)}</t:Value></t:MessageXml>"
            : "") +
        "</detail></s:Fault>");

    public static Func<HttpContext, RecordedRequest, Task> Xml(string envelope, int status = 200) =>
        (context, _) => WriteAsync(context, envelope, status);

    public static Func<HttpContext, RecordedRequest, Task> Fault(string code, string text, int? backOffMilliseconds = null) =>
        Xml(FaultEnvelope(code, text, backOffMilliseconds), 500);

    public static Func<HttpContext, RecordedRequest, Task> ServerBusy(int? backOffMilliseconds) =>
        Fault("ErrorServerBusy", "The server cannot service this request right now. Try again later.", backOffMilliseconds);

    public static Func<HttpContext, RecordedRequest, Task> Status(int status, string? retryAfter = null) => (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    };

    /// <summary>Answers with a canned success for whatever the request asked.</summary>
    public static Func<HttpContext, RecordedRequest, Task> CannedSuccess() => Canned;

    /// <summary>Sends the headers and part of a (canned) answer, then resets the connection.</summary>
    public static Func<HttpContext, RecordedRequest, Task> DropMidResponse() => async (context, request) =>
    {
        var bytes = Encoding.UTF8.GetBytes(CannedEnvelope(request));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        await Task.Delay(50);
        context.Abort();
    };

    /// <summary>Reads the request, then resets the connection without answering.</summary>
    public static Func<HttpContext, RecordedRequest, Task> DropWithoutResponse() => (context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Never answers (until the client goes away).</summary>
    public static Func<HttpContext, RecordedRequest, Task> Hang() => (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted);

    public static Task Canned(HttpContext context, RecordedRequest request) => WriteAsync(context, CannedEnvelope(request), 200);

    public static async Task WriteAsync(HttpContext context, string envelope, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(envelope);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    /// <summary>
    /// A schema-valid success answer to a request: one response message per requested id, item, change or attachment,
    /// each with a minimal payload that echoes the requested id where there is one.
    /// </summary>
    public static string CannedEnvelope(RecordedRequest request)
    {
        XNamespace m = M;
        XNamespace s = "http://schemas.xmlsoap.org/soap/envelope/";
        var body = XDocument.Parse(request.BodyText).Root!.Element(s + "Body")!.Elements().First();
        var operation = body.Name.LocalName;
        var inputs = operation switch
        {
            "GetFolder" or "DeleteFolder" or "EmptyFolder" or "MarkAllItemsAsRead" or "MoveFolder" => body.Element(m + "FolderIds")!.Elements(),
            "CreateFolder" => body.Element(m + "Folders")!.Elements(),
            "UpdateFolder" => body.Element(m + "FolderChanges")!.Elements(),
            "GetItem" or "DeleteItem" or "MoveItem" or "CopyItem" or "ExportItems" => body.Element(m + "ItemIds")!.Elements(),
            "CreateItem" or "UploadItems" => body.Element(m + "Items")!.Elements(),
            "UpdateItem" => body.Element(m + "ItemChanges")!.Elements(),
            "GetAttachment" or "DeleteAttachment" => body.Element(m + "AttachmentIds")!.Elements(),
            "CreateAttachment" => body.Element(m + "Attachments")!.Elements(),
            _ => [body],
        };

        var messages = inputs.Select((input, index) => Success(operation, CannedPayload(operation, input, index)));
        return Response(operation, [.. messages]);
    }

    private static string CannedPayload(string operation, XElement input, int index)
    {
        var id = input.Attribute("Id")?.Value ?? input.Elements().FirstOrDefault()?.Attribute("Id")?.Value ?? $"new-{index}";
        return operation switch
        {
            "GetFolder" => $"<m:Folders><t:Folder><t:FolderId Id=\"{Id(input, index)}\" ChangeKey=\"fck\"/><t:DisplayName>Folder {index}</t:DisplayName><t:TotalCount>{index}</t:TotalCount></t:Folder></m:Folders>",
            "CreateFolder" or "UpdateFolder" or "MoveFolder" => $"<m:Folders><t:Folder><t:FolderId Id=\"folder-{index}\" ChangeKey=\"fck2\"/></t:Folder></m:Folders>",
            "FindFolder" => "<m:RootFolder IndexedPagingOffset=\"0\" TotalItemsInView=\"0\" IncludesLastItemInRange=\"true\"><t:Folders/></m:RootFolder>",
            "SyncFolderHierarchy" => "<m:SyncState>c3RhdGU=</m:SyncState><m:IncludesLastFolderInRange>true</m:IncludesLastFolderInRange><m:Changes/>",
            "FindItem" => "<m:RootFolder IndexedPagingOffset=\"0\" TotalItemsInView=\"0\" IncludesLastItemInRange=\"true\"><t:Items/></m:RootFolder>",
            "GetItem" => $"<m:Items><t:Message><t:ItemId Id=\"{id}\" ChangeKey=\"ck2\"/><t:Subject>Subject of {id}</t:Subject></t:Message></m:Items>",
            "SyncFolderItems" => "<m:SyncState>c3RhdGU=</m:SyncState><m:IncludesLastItemInRange>true</m:IncludesLastItemInRange><m:Changes/>",
            "CreateItem" => $"<m:Items><t:Message><t:ItemId Id=\"created-{index}\" ChangeKey=\"ck1\"/></t:Message></m:Items>",
            "MoveItem" or "CopyItem" => $"<m:Items><t:Message><t:ItemId Id=\"{operation}-{id}\" ChangeKey=\"ck1\"/></t:Message></m:Items>",
            "UpdateItem" => $"<m:Items><t:Message><t:ItemId Id=\"{id}\" ChangeKey=\"ck3\"/></t:Message></m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>",
            "ExportItems" => $"<m:ItemId Id=\"{id}\" ChangeKey=\"ck1\"/><m:Data>AAECAw==</m:Data>",
            "UploadItems" => $"<m:ItemId Id=\"uploaded-{index}\" ChangeKey=\"ck1\"/>",
            "GetAttachment" => $"<m:Attachments><t:FileAttachment><t:AttachmentId Id=\"{id}\"/><t:Name>file-{index}.txt</t:Name><t:Content>aGVsbG8=</t:Content></t:FileAttachment></m:Attachments>",
            "CreateAttachment" => $"<m:Attachments><t:FileAttachment><t:AttachmentId Id=\"attachment-{index}\" RootItemId=\"root\" RootItemChangeKey=\"rck{index}\"/></t:FileAttachment></m:Attachments>",
            "DeleteAttachment" => "<m:RootItemId RootItemId=\"root\" RootItemChangeKey=\"rck9\"/>",
            "ResolveNames" => "<m:ResolutionSet TotalItemsInView=\"1\" IncludesLastItemInRange=\"true\"><t:Resolution><t:Mailbox><t:Name>Alice Lab</t:Name>" +
                "<t:EmailAddress>alice@example.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox></t:Resolution></m:ResolutionSet>",
            _ => "",
        };
    }

    private static string Id(XElement input, int index) => input.Attribute("Id")?.Value ?? $"folder-{index}";
}
