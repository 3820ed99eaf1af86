using System.Text;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Conformance;

/// <summary>
/// The widest answers the lab writes — every property of a rich message, item attachments with MIME, folders with
/// every property — are schema-valid: element order, types and required containers are Microsoft's.
/// </summary>
public sealed class RichResponseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RichMime =
        "From: \"Ann Sender\" <ann@example.org>\r\nSender: relay@example.org\r\nTo: \"Alice Lab\" <alice@example.test>, bob@example.test\r\n"
        + "Cc: carol@example.test\r\nBcc: hidden@example.org\r\nReply-To: replies@example.org\r\nSubject: RE: Rich \u0001 message\r\n"
        + "Message-ID: <rich@example.org>\r\nIn-Reply-To: <parent@example.org>\r\nReferences: <root@example.org> <parent@example.org>\r\n"
        + "Date: Mon, 03 Nov 2025 10:01:00 +0000\r\nSensitivity: Company-Confidential\r\nDisposition-Notification-To: ann@example.org\r\n"
        + "Importance: high\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
        + "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
        + "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain body\r\n"
        + "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML body</p>\r\n--alt--\r\n"
        + "--outer\r\nContent-Type: image/png\r\nContent-Disposition: inline; filename=\"logo.png\"\r\nContent-ID: <logo@example.org>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        + "--outer\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
        + "From: inner@example.org\r\nTo: alice@example.test\r\nSubject: Inner message\r\nMessage-ID: <inner@example.org>\r\n\r\nInner body\r\n"
        + "--outer--\r\n";

    private LabEwsSite _site = null!;
    private EwsTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _site = await LabEwsSite.StartAsync(output);
        _client = _site.Client();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task RichMessage_EveryShapeOfEveryReadOperation_IsSchemaValid()
    {
        var id = _site.Store.Deliver([LabEwsSite.Alice], Encoding.UTF8.GetBytes(RichMime))[0].Item!.Id;
        _site.Store.UpdateItem(id, null, new LabItemUpdate
        {
            Categories = ["Red"],
            FlagStatus = LabFlagStatus.Flagged,
            SetExtendedProperties = new Dictionary<ExtendedPropertyKey, string>
            {
                [ExtendedPropertyKey.ForName("00020329-0000-0000-c000-000000000046", "Keywords", "StringArray")] = "a\nb",
            },
        });
        var extended = "<t:ExtendedFieldURI DistinguishedPropertySetId=\"PublicStrings\" PropertyName=\"Keywords\" PropertyType=\"StringArray\"/>"
            + "<t:ExtendedFieldURI PropertyTag=\"0x0E07\" PropertyType=\"Integer\"/><t:ExtendedFieldURI PropertyTag=\"0x0E23\" PropertyType=\"Integer\"/>"
            + "<t:ExtendedFieldURI PropertyTag=\"0x1035\" PropertyType=\"String\"/><t:ExtendedFieldURI PropertyTag=\"0x0E06\" PropertyType=\"SystemTime\"/>";
        var everyField = string.Concat(new[]
        {
            "item:ItemId", "item:ParentFolderId", "item:ItemClass", "item:MimeContent", "item:Attachments", "item:Subject", "item:DateTimeReceived",
            "item:Size", "item:Categories", "item:HasAttachments", "item:Importance", "item:InReplyTo", "item:InternetMessageHeaders", "item:IsAssociated",
            "item:IsDraft", "item:IsFromMe", "item:IsResend", "item:IsSubmitted", "item:IsUnmodified", "item:DateTimeSent", "item:DateTimeCreated",
            "item:Body", "item:Sensitivity", "item:ReminderIsSet", "item:ReminderMinutesBeforeStart", "item:DisplayTo", "item:DisplayCc", "item:Culture",
            "item:EffectiveRights", "item:LastModifiedName", "item:LastModifiedTime", "item:ConversationId", "item:Flag", "item:TextBody",
            "message:ConversationTopic", "message:InternetMessageId", "message:IsRead", "message:IsResponseRequested", "message:IsReadReceiptRequested",
            "message:IsDeliveryReceiptRequested", "message:ReceivedBy", "message:ReceivedRepresenting", "message:References", "message:ReplyTo",
            "message:From", "message:Sender", "message:ToRecipients", "message:CcRecipients", "message:BccRecipients", "calendar:Start", "contacts:GivenName",
        }.Select(field => $"<t:FieldURI FieldURI=\"{field}\"/>")) + extended;

        var all = (await _client.CallAsync(Ops.GetItem([id], "AllProperties", everyField, mime: true))).Ok()[0];
        (await _client.CallAsync(Ops.GetItem([id], "Default"))).Ok();
        (await _client.CallAsync(Ops.GetItem([id], "AllProperties").Replace("<t:BaseShape>AllProperties</t:BaseShape>", "<t:BaseShape>AllProperties</t:BaseShape><t:BodyType>Text</t:BodyType>", StringComparison.Ordinal))).Ok();
        (await _client.CallAsync(Ops.FindItem("inbox", 10).Replace("IdOnly", "AllProperties", StringComparison.Ordinal))).Ok();
        (await _client.CallAsync(Ops.SyncFolderItems("inbox", null, 10, "AllProperties"))).Ok();
        (await _client.CallAsync(Ops.SyncFolderItems("inbox", null, 10).Replace("</t:BaseShape>", "</t:BaseShape><t:AdditionalProperties>" + everyField + "</t:AdditionalProperties>", StringComparison.Ordinal))).Ok();
        var itemAttachment = all.Descendants(EwsReply.T + "ItemAttachment").Single().Element(EwsReply.T + "AttachmentId")!.Attribute("Id")!.Value;
        var inline = all.Descendants(EwsReply.T + "FileAttachment").Single();
        var got = (await _client.CallAsync(
            $"<m:GetAttachment><m:AttachmentShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:AttachmentShape><m:AttachmentIds><t:AttachmentId Id=\"{itemAttachment}\"/><t:AttachmentId Id=\"{inline.Element(EwsReply.T + "AttachmentId")!.Attribute("Id")!.Value}\"/></m:AttachmentIds></m:GetAttachment>")).Ok();

        Assert.Equal("Confidential", all.Descendants(EwsReply.T + "Sensitivity").Single().Value);
        Assert.Equal("true", inline.Element(EwsReply.T + "IsInline")!.Value);
        Assert.Equal("Inner message", got[0].Descendants(EwsReply.T + "Subject").Single().Value);
        Assert.Equal(["a", "b"], all.Descendants(EwsReply.T + "Values").Single().Elements().Select(value => value.Value));
        Assert.Equal("<rich@example.org>", all.Descendants(EwsReply.T + "InternetMessageId").Single().Value);
        Assert.DoesNotContain(all.Descendants(EwsReply.T + "Subject"), subject => subject.Value.Contains('\u0001', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folders_AllPropertiesAndEveryFolderField_AreSchemaValid()
    {
        var inbox = _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        _site.Store.CreateFolder(inbox.Id, "Calendar-like", "IPF.Appointment");
        _site.Store.CreateFolder(inbox.Id, "Contacts-like", "IPF.Contact");
        var fields = string.Concat(new[]
        {
            "folder:FolderId", "folder:ParentFolderId", "folder:DisplayName", "folder:UnreadCount", "folder:TotalCount", "folder:ChildFolderCount",
            "folder:FolderClass", "folder:EffectiveRights", "folder:DistinguishedFolderId", "folder:PermissionSet",
        }.Select(field => $"<t:FieldURI FieldURI=\"{field}\"/>"));

        var found = (await _client.CallAsync(
            $"<m:FindFolder Traversal=\"Deep\"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape><t:AdditionalProperties>{fields}</t:AdditionalProperties></m:FolderShape>"
            + $"<m:IndexedPageFolderView MaxEntriesReturned=\"5\" Offset=\"0\" BasePoint=\"Beginning\"/><m:ParentFolderIds>{Ops.Folder("root")}</m:ParentFolderIds></m:FindFolder>")).Ok()[0];
        (await _client.CallAsync(Ops.SyncFolderHierarchy(null).Replace("Default", "AllProperties", StringComparison.Ordinal))).Ok();
        var root = found.Element(EwsReply.M + "RootFolder")!;

        Assert.Equal(("5", "false"), ((string)root.Attribute("IndexedPagingOffset")!, (string)root.Attribute("IncludesLastItemInRange")!));
        Assert.Equal(9, int.Parse(root.Attribute("TotalItemsInView")!.Value));
        var all = (await _client.CallAsync(
            $"<m:FindFolder Traversal=\"Shallow\"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:ParentFolderIds>{Ops.Folder(inbox.Id)}</m:ParentFolderIds></m:FindFolder>")).Ok()[0];
        Assert.Equal(["CalendarFolder", "ContactsFolder"], all.Descendants(EwsReply.T + "Folders").Single().Elements().Select(folder => folder.Name.LocalName));
    }
}
