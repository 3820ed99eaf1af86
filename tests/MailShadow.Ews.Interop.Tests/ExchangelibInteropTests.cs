using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>
/// python3-exchangelib changes a mailbox in the lab; our client then reads the same state. Both views must agree.
/// </summary>
public class ExchangelibInteropTests
{
    private static readonly ExtendedPropertyPath _flagStatus = ExtendedPropertyPath.Tagged(0x1090, MapiPropertyType.Integer);

    [Fact]
    public async Task StateMadeByExchangelib_IsTheStateOurClientSees()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        const string folderName = "Made By Exchangelib";
        const string messageId = "<made-by-exchangelib@example.org>";

        var python = await Exchangelib.RunAsync("create_state.py", lab.Proxy.EwsUri, LabUnderTest.Alice, LabUnderTest.Alice,
            new Dictionary<string, string> { ["FOLDER_NAME"] = folderName, ["MESSAGE_ID"] = messageId });

        // exchangelib's view.
        Assert.Equal(folderName, python.GetProperty("folder").GetString());
        Assert.Equal(1, python.GetProperty("count").GetInt32());
        Assert.Equal(messageId, python.GetProperty("message_id").GetString());
        Assert.True(python.GetProperty("is_read").GetBoolean());
        Assert.Equal(["Green", "Orange"], python.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(2, python.GetProperty("flag_status").GetInt32());

        // Our client's view of the same mailbox, as the service account.
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        var folders = await ScenarioTests.ToListAsync(ews.FindAllFoldersAsync(new FindFolderRequest(DistinguishedFolderId.MsgFolderRoot)));
        var folder = Assert.Single(folders, f => f.DisplayName == folderName);
        var page = (await ews.FindItemAsync(new FindItemRequest(folder.Id!)
        {
            Restriction = Restriction.IsEqualTo(FieldUri.InternetMessageId, messageId),
        })).GetValueOrThrow();
        var id = Assert.Single(page.Items).Id!;
        var item = (await ews.GetItemAsync(new GetItemRequest([id])
        {
            Shape = ItemShape.With(FieldUri.IsRead, FieldUri.Categories, FieldUri.Flag, FieldUri.InternetMessageId, _flagStatus),
        })).Single().GetValueOrThrow();

        Assert.Equal(messageId, item.InternetMessageId);
        Assert.True(item.IsRead);
        Assert.Equal(["Green", "Orange"], item.Categories);
        Assert.Equal(FlagStatus.Flagged, item.Flag?.Status);
        Assert.Equal(2, item.GetExtendedProperty(_flagStatus)?.AsInt32());
        lab.Proxy.AssertAllValid();
    }
}
