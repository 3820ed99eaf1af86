using System.Text;
using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>
/// What the reconciler reads of each item, against the lab for each emulated version: the header block of received mail
/// (<c>item:InternetMessageHeaders</c>, GetItem) and a named string property in a GUID property set, written with
/// CreateItem and read back by FindItem and SyncFolderItems; every request and answer schema-valid.
/// </summary>
public class HeaderAndStampTests
{
    private static readonly ExtendedPropertyPath _stamp =
        ExtendedPropertyPath.Named(new Guid("7a745466-da81-4e67-a36e-3937e1f055c3"), "CorrelationKey", MapiPropertyType.String);

    [Theory]
    [InlineData("Exchange2010_SP2")]
    [InlineData("Exchange2016")]
    [InlineData("Exchange2019")]
    public async Task InternetMessageHeaders_OfMailReceivedOverSmtp_ArePairsTopmostFirst(string version)
    {
        await using var lab = await LabUnderTest.StartAsync(version);
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var message = Encoding.ASCII.GetBytes(
            "X-MailShadow-Transaction-Id: 0192f0c2a4b87e6f9d1c2b3a4f5e6d7c\r\n" +
            "From: Sender <sender@example.org>\r\nTo: alice@example.test\r\nSubject: Headers\r\n" +
            "Message-ID: <headers@example.org>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\n" +
            "X-Folded: first part\r\n second part\r\n" +
            "X-MailShadow-Transaction-Id: 00000000000000000000000000000001\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nBody.\r\n");
        await Mail.SendAsync(lab.Server.SmtpPort, [message]);

        var id = Assert.Single((await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox), timeout.Token)).GetValueOrThrow().Items).Id!;
        var item = Assert.Single(await ews.GetItemAsync(new GetItemRequest([id]) { Shape = ItemShape.With(FieldUri.InternetMessageHeaders) }, timeout.Token))
            .GetValueOrThrow();

        var headers = item.InternetMessageHeaders!;
        var transactionFields = headers.Where(h => h.Name.Equals("X-MailShadow-Transaction-Id", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Equal(["0192f0c2a4b87e6f9d1c2b3a4f5e6d7c", "00000000000000000000000000000001"], transactionFields.Select(h => h.Value.Trim()));
        Assert.Contains(headers, h => h.Name == "Message-ID" && h.Value.Trim() == "<headers@example.org>");
        var folded = Assert.Single(headers, h => h.Name == "X-Folded");
        Assert.Contains("second part", folded.Value, StringComparison.Ordinal);
        Assert.True(headers.ToList().FindIndex(h => h.Name == "Subject") > headers.ToList().IndexOf(transactionFields[0]));
        lab.Proxy.AssertAllValid();
    }

    [Theory]
    [InlineData("Exchange2010_SP2")]
    [InlineData("Exchange2016")]
    public async Task NamedStringProperty_WrittenByCreateItem_IsReadByFindItemAndSyncFolderItems(string version)
    {
        await using var lab = await LabUnderTest.StartAsync(version);
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var created = await ews.CreateItemAsync(new CreateItemRequest(
        [
            new NewItem { MimeContent = Mail.Message("<stamped@example.org>", "Stamped"), ExtendedProperties = [new ExtendedProperty(_stamp, "tx:0192f0c2a4b87e6f9d1c2b3a4f5e6d7c")] },
            new NewItem { MimeContent = Mail.Message("<plain@example.org>", "Plain") },
        ])
        { SavedItemFolderId = DistinguishedFolderId.Inbox, MessageDisposition = MessageDisposition.SaveOnly }, ct);
        var stampedId = created[0].GetValueOrThrow().Id;
        var plainId = created[1].GetValueOrThrow().Id;
        var shape = ItemShape.With(FieldUri.Subject, _stamp);

        var found = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox) { Shape = shape }, ct)).GetValueOrThrow().Items;
        Assert.Equal("tx:0192f0c2a4b87e6f9d1c2b3a4f5e6d7c", Assert.Single(found, i => i.Id!.Id == stampedId).GetExtendedProperty(_stamp)?.Value);
        Assert.Null(Assert.Single(found, i => i.Id!.Id == plainId).GetExtendedProperty(_stamp));

        var synced = (await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox) { Shape = shape }, ct)).GetValueOrThrow().Changes;
        Assert.Equal("tx:0192f0c2a4b87e6f9d1c2b3a4f5e6d7c", Assert.Single(synced, c => c.ItemId.Id == stampedId).Item!.GetExtendedProperty(_stamp)?.Value);
        Assert.Null(Assert.Single(synced, c => c.ItemId.Id == plainId).Item!.GetExtendedProperty(_stamp));
        lab.Proxy.AssertAllValid();
    }
}
