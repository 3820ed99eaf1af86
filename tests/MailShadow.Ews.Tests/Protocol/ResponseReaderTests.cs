using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using MailShadow.Testing.EwsSchema;

namespace MailShadow.Ews.Tests.Protocol;

public class ResponseReaderTests
{
    private static readonly ItemId _item = new("item-1");
    private static readonly ExtendedPropertyPath _correlation =
        ExtendedPropertyPath.Named(Guid.Parse("6e2f4b7a-0c1d-4e5f-9a8b-7c6d5e4f3a2b"), "MailShadowTransactionId", MapiPropertyType.String);

    private static readonly ExtendedPropertyPath _internetArticleNumber = ExtendedPropertyPath.Tagged(0x0E23, MapiPropertyType.Integer);

    /// <summary>The fixtures below are schema-valid; checking that keeps the tests honest about what a server may send.</summary>
    private static string Valid(string envelope)
    {
        Assert.Empty(EwsSchemaValidator.Shared.ValidateEnvelope(Encoding.UTF8.GetBytes(envelope)));
        return envelope;
    }

    [Fact]
    public async Task SyncFolderItems_AllFourChangeTypes_AreReadInOrder()
    {
        var envelope = Valid(Respond.Response("SyncFolderItems", Respond.Success("SyncFolderItems",
            "<m:SyncState>c3RhdGUtMg==</m:SyncState><m:IncludesLastItemInRange>false</m:IncludesLastItemInRange><m:Changes>" +
            "<t:Create><t:Message><t:ItemId Id=\"new\" ChangeKey=\"c1\"/><t:Subject>Fresh</t:Subject>" +
            "<t:ExtendedProperty><t:ExtendedFieldURI PropertySetId=\"6E2F4B7A-0C1D-4E5F-9A8B-7C6D5E4F3A2B\" PropertyName=\"MailShadowTransactionId\" PropertyType=\"String\"/>" +
            "<t:Value>0192f0c2a4b87e6f9d1c2b3a4f5e6d7c</t:Value></t:ExtendedProperty></t:Message></t:Create>" +
            "<t:Update><t:Message><t:ItemId Id=\"changed\" ChangeKey=\"c2\"/><t:Subject>Edited</t:Subject></t:Message></t:Update>" +
            "<t:ReadFlagChange><t:ItemId Id=\"read\" ChangeKey=\"c3\"/><t:IsRead>1</t:IsRead></t:ReadFlagChange>" +
            "<t:Delete><t:ItemId Id=\"gone\" ChangeKey=\"c4\"/></t:Delete>" +
            "</m:Changes>")));

        var response = await Parse.ResponseAsync(new SyncFolderItemsOperation(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox)), envelope);

        var sync = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal("c3RhdGUtMg==", sync.SyncState);
        Assert.False(sync.IncludesLastItemInRange);
        Assert.Equal(
            [(SyncChangeType.Create, "new"), (SyncChangeType.Update, "changed"), (SyncChangeType.ReadFlagChange, "read"), (SyncChangeType.Delete, "gone")],
            sync.Changes.Select(c => (c.Type, c.ItemId.Id)));
        Assert.Equal("0192f0c2a4b87e6f9d1c2b3a4f5e6d7c", sync.Changes[0].Item!.GetExtendedProperty(_correlation)?.Value);
        Assert.Equal("Edited", sync.Changes[1].Item!.Subject);
        Assert.True(sync.Changes[2].IsRead);
        Assert.Null(sync.Changes[3].Item);
    }

    [Fact]
    public async Task GetItem_RichMessage_ReadsModelledPropertiesAndSkipsTheRest()
    {
        var envelope = Valid(Respond.Response("GetItem", Respond.Success("GetItem",
            "<m:Items><t:Message><t:ItemId Id=\"item-1\" ChangeKey=\"ck\"/><t:ItemClass>IPM.Note</t:ItemClass><t:Subject>Numbers</t:Subject>" +
            "<t:Sensitivity>Private</t:Sensitivity><t:Body BodyType=\"HTML\">&lt;p&gt;hi&lt;/p&gt;</t:Body>" +
            "<t:Attachments><t:FileAttachment><t:AttachmentId Id=\"att-1\"/><t:Name>report.pdf</t:Name><t:ContentType>application/pdf</t:ContentType><t:Size>1234</t:Size><t:IsInline>false</t:IsInline></t:FileAttachment></t:Attachments>" +
            "<t:Categories><t:String>Red</t:String><t:String>Blue</t:String></t:Categories><t:Importance>High</t:Importance>" +
            "<t:InternetMessageHeaders><t:InternetMessageHeader HeaderName=\"X-Test\">1</t:InternetMessageHeader></t:InternetMessageHeaders>" +
            "<t:HasAttachments>true</t:HasAttachments>" +
            "<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag=\"0xe23\" PropertyType=\"Integer\"/><t:Value>1187</t:Value></t:ExtendedProperty>" +
            "<t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId=\"PublicStrings\" PropertyName=\"Keywords\" PropertyType=\"StringArray\"/><t:Values><t:Value>a</t:Value><t:Value>b</t:Value></t:Values></t:ExtendedProperty>" +
            "<t:Flag><t:FlagStatus>Flagged</t:FlagStatus><t:StartDate>2026-11-20T08:00:00Z</t:StartDate><t:DueDate>2026-11-27T08:00:00Z</t:DueDate></t:Flag>" +
            "<t:ToRecipients><t:Mailbox><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients>" +
            "<t:From><t:Mailbox><t:Name>Alice</t:Name><t:EmailAddress>alice@example.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:From>" +
            "<t:InternetMessageId>&lt;n@example.test&gt;</t:InternetMessageId><t:IsRead>true</t:IsRead></t:Message></m:Items>")));

        var response = await Parse.ResponseAsync(new GetItemOperation(ItemShape.IdOnly, [_item]), envelope);

        var item = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(Sensitivity.Private, item.Sensitivity);
        Assert.Equal(["Red", "Blue"], item.Categories);
        Assert.Equal(Importance.High, item.Importance);
        Assert.True(item.HasAttachments);
        var attachment = Assert.Single(item.Attachments);
        Assert.True(attachment.IsFile);
        Assert.Equal(("att-1", "report.pdf", "application/pdf", 1234), (attachment.Id!.Id, attachment.Name, attachment.ContentType, attachment.Size));
        Assert.Equal(1187, item.GetExtendedProperty(_internetArticleNumber)?.AsInt32());
        Assert.Equal(["a", "b"], item.GetExtendedProperty(ExtendedPropertyPath.Named(DistinguishedPropertySet.PublicStrings, "Keywords", MapiPropertyType.StringArray))?.Values);
        Assert.Equal(new ItemFlag(FlagStatus.Flagged, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)), item.Flag);
        Assert.Equal("alice@example.test", item.From?.EmailAddress);
        Assert.Equal("<n@example.test>", item.InternetMessageId);
        Assert.True(item.IsRead);
        Assert.Equal([new InternetMessageHeader("X-Test", "1")], item.InternetMessageHeaders);
    }

    [Fact]
    public async Task GetItem_InternetMessageHeaders_AreReadAsPairsInOrder()
    {
        var envelope = Valid(Respond.Response("GetItem",
            Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"item-1\"/>" +
                "<t:InternetMessageHeaders>" +
                "<t:InternetMessageHeader HeaderName=\"Received\">from a.example.org by b.example.test; Wed, 25 Nov 2026 10:00:00 +0000</t:InternetMessageHeader>" +
                "<t:InternetMessageHeader HeaderName=\"X-MailShadow-Transaction-Id\">0192f0c2a4b87e6f9d1c2b3a4f5e6d7c</t:InternetMessageHeader>" +
                "<t:InternetMessageHeader HeaderName=\"Subject\">Caf&#233; &amp; more</t:InternetMessageHeader>" +
                "<t:InternetMessageHeader HeaderName=\"X-Empty\"></t:InternetMessageHeader>" +
                "<t:InternetMessageHeader HeaderName=\"Received\">from c.example.org</t:InternetMessageHeader>" +
                "</t:InternetMessageHeaders></t:Message></m:Items>"),
            Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"item-2\"/><t:Subject>No headers asked</t:Subject></t:Message></m:Items>")));

        var response = await Parse.ResponseAsync(new GetItemOperation(ItemShape.With(FieldUri.InternetMessageHeaders), [_item, _item]), envelope);

        var withHeaders = response.Messages![0].GetValueOrThrow();
        Assert.Equal(
            [
                new InternetMessageHeader("Received", "from a.example.org by b.example.test; Wed, 25 Nov 2026 10:00:00 +0000"),
                new InternetMessageHeader("X-MailShadow-Transaction-Id", "0192f0c2a4b87e6f9d1c2b3a4f5e6d7c"),
                new InternetMessageHeader("Subject", "Caf\u00e9 & more"),
                new InternetMessageHeader("X-Empty", ""),
                new InternetMessageHeader("Received", "from c.example.org"),
            ],
            withHeaders.InternetMessageHeaders);
        Assert.Null(response.Messages[1].GetValueOrThrow().InternetMessageHeaders);
    }

    [Fact]
    public async Task GetItem_PerItemError_IsAValueWithCodeTextAndMessageXml()
    {
        var envelope = Valid(Respond.Response("GetItem",
            Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"a\"/></t:Message></m:Items>"),
            Respond.Error("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", "<m:Items/>"),
            Respond.Error("GetItem", "ErrorServerBusy", "The server cannot service this request right now.", "<m:Items/>",
                "<t:Value Name=\"BackOffMilliseconds\">750</t:Value>")));

        var response = await Parse.ResponseAsync(new GetItemOperation(ItemShape.IdOnly, [_item, _item, _item]), envelope);

        var messages = response.Messages!;
        Assert.True(messages[0].IsSuccess);
        Assert.Equal((EwsResponseClass.Error, "ErrorItemNotFound", "The specified object was not found in the store."),
            (messages[1].ResponseClass, messages[1].ResponseCode, messages[1].MessageText));
        Assert.Null(messages[1].Value);
        Assert.Equal(TimeSpan.FromMilliseconds(750), messages[2].BackOff);
        var thrown = Assert.Throws<EwsResponseException>(() => messages[1].GetValueOrThrow());
        Assert.Equal("ErrorItemNotFound", thrown.ResponseCode);
        Assert.False(thrown.IsTransient);
    }

    [Fact]
    public async Task ResolveNames_MultipleResultsWarning_StillCarriesResolutions()
    {
        var mailbox = "<t:Resolution><t:Mailbox><t:Name>Lab {0}</t:Name><t:EmailAddress>lab{0}@example.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:Resolution>";
        var envelope = Valid(Respond.Response("ResolveNames",
            "<m:ResolveNamesResponseMessage ResponseClass=\"Warning\"><m:MessageText>Multiple results were found.</m:MessageText>" +
            "<m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>" +
            "<m:ResolutionSet TotalItemsInView=\"2\" IncludesLastItemInRange=\"true\">" + string.Format(null, mailbox, 1) + string.Format(null, mailbox, 2) +
            "</m:ResolutionSet></m:ResolveNamesResponseMessage>"));

        var response = await Parse.ResponseAsync(new ResolveNamesOperation(new ResolveNamesRequest("lab")), envelope);

        var result = Assert.Single(response.Messages!);
        Assert.Equal(EwsResponseClass.Warning, result.ResponseClass);
        Assert.Equal(["lab1@example.test", "lab2@example.test"], result.Value!.Resolutions.Select(r => r.Mailbox.EmailAddress));
    }

    [Fact]
    public async Task Fault_ServerBusy_ReadsCodeTextAndBackOff()
    {
        var response = await Parse.ResponseAsync(new GetItemOperation(ItemShape.IdOnly, [_item]),
            Respond.FaultEnvelope("ErrorServerBusy", "The server cannot service this request right now. Try again later.", 2000));

        Assert.Null(response.Messages);
        Assert.Equal("ErrorServerBusy", response.Fault!.ResponseCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Fault.BackOff);
        Assert.Equal("The server cannot service this request right now. Try again later.", response.Fault.MessageText);
        Assert.True(response.Fault.ToException().IsTransient);
    }

    [Fact]
    public async Task GetAttachment_FileAndItemAttachments_AreDecoded()
    {
        var envelope = Valid(Respond.Response("GetAttachment",
            Respond.Success("GetAttachment", "<m:Attachments><t:FileAttachment><t:AttachmentId Id=\"f\" RootItemId=\"r\" RootItemChangeKey=\"rk\"/><t:Name>hi.txt</t:Name><t:Content>aGVsbG8=</t:Content></t:FileAttachment></m:Attachments>"),
            Respond.Success("GetAttachment", "<m:Attachments><t:ItemAttachment><t:AttachmentId Id=\"i\"/><t:Name>fwd</t:Name><t:Message><t:MimeContent CharacterSet=\"UTF-8\">U3ViamVjdDogeA0KDQp5DQo=</t:MimeContent><t:Subject>x</t:Subject></t:Message></t:ItemAttachment></m:Attachments>")));

        var response = await Parse.ResponseAsync(new GetAttachmentOperation(new GetAttachmentRequest([]), [new AttachmentId("f"), new AttachmentId("i")]), envelope);

        var file = response.Messages![0].GetValueOrThrow();
        Assert.Equal("hello", Encoding.ASCII.GetString(file.Content!.Value.Span));
        Assert.Equal(new ItemId("r", "rk"), file.Id!.RootItem);
        var attached = response.Messages[1].GetValueOrThrow();
        Assert.False(attached.IsFile);
        Assert.Equal("Subject: x\r\n\r\ny\r\n", Encoding.ASCII.GetString(attached.Item!.MimeContent!.Content.Span));
    }

    [Fact]
    public async Task Response_ForAnotherOperation_IsRejected()
    {
        var envelope = Respond.Response("GetItem", Respond.Success("GetItem", "<m:Items/>"));

        await Assert.ThrowsAsync<EwsProtocolException>(() => Parse.ResponseAsync(new FindItemOperation(new FindItemRequest(DistinguishedFolderId.Inbox)), envelope));
    }

    [Theory]
    [InlineData("<m:GetItemResponseMessage><m:ResponseCode>NoError</m:ResponseCode></m:GetItemResponseMessage>")]
    [InlineData("<m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:Size>big</t:Size></t:Message></m:Items></m:GetItemResponseMessage>")]
    [InlineData("<m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId/></t:Message></m:Items></m:GetItemResponseMessage>")]
    [InlineData("<m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:MimeContent>not base64!</t:MimeContent></t:Message></m:Items></m:GetItemResponseMessage>")]
    public async Task Response_WithInvalidValues_IsAProtocolError(string message)
    {
        await Assert.ThrowsAsync<EwsProtocolException>(() => Parse.ResponseAsync(new GetItemOperation(ItemShape.IdOnly, [_item]), Respond.Response("GetItem", message)));
    }

    [Fact]
    public void ExtendedPropertyPath_SameTagSpelledDifferently_IsEqual()
    {
        var fromWire = ExtendedPropertyPath.FromWire(null, null, "0xe23", null, null, "Integer");
        var decimalTag = ExtendedPropertyPath.FromWire(null, null, "3619", null, null, "Integer");

        Assert.Equal(_internetArticleNumber, fromWire);
        Assert.Equal(_internetArticleNumber, decimalTag);
        Assert.Null(ExtendedPropertyPath.FromWire(null, null, null, "name", null, "String"));
    }
}
