using System.Xml.Linq;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

public class PagingTests(ITestOutputHelper output)
{
    private static Func<Microsoft.AspNetCore.Http.HttpContext, RecordedRequest, Task> Page(int offset, int next, int total, bool last, params string[] ids) =>
        Respond.Xml(Respond.Response("FindItem", Respond.Success("FindItem",
            $"<m:RootFolder IndexedPagingOffset=\"{next}\" TotalItemsInView=\"{total}\" IncludesLastItemInRange=\"{(last ? "true" : "false")}\"><t:Items>" +
            string.Concat(ids.Select(id => $"<t:Message><t:ItemId Id=\"{id}\" ChangeKey=\"ck\"/></t:Message>")) + "</t:Items></m:RootFolder>")));

    [Fact]
    public async Task FindAllItems_FollowsIndexedPagingOffset_UntilTheLastPage()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Page(0, 2, 5, false, "a", "b"), Page(2, 4, 5, false, "c", "d"), Page(4, 5, 5, true, "e"));
        using var client = TestClients.Create(server.Url, output);

        var items = new List<EwsItem>();
        await foreach (var item in client.FindAllItemsAsync(new FindItemRequest(DistinguishedFolderId.Inbox)
        {
            MaxEntriesReturned = 2,
            Restriction = Restriction.IsEqualTo(FieldUri.InternetMessageId, "<x@example.test>"),
        }))
        {
            items.Add(item);
        }

        Assert.Equal(["a", "b", "c", "d", "e"], items.Select(item => item.Id!.Id));
        Assert.Equal(["0", "2", "4"], server.Requests.Select(request =>
            XDocument.Parse(request.BodyText).Descendants(XName.Get("IndexedPageItemView", Respond.M)).Single().Attribute("Offset")!.Value));
    }

    [Fact]
    public async Task FindAllItems_WhenTheServerDoesNotAdvance_StopsWithAProtocolError()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Page(0, 0, 5, false, "a");
        using var client = TestClients.Create(server.Url, output);

        await Assert.ThrowsAsync<EwsProtocolException>(async () =>
        {
            await foreach (var item in client.FindAllItemsAsync(new FindItemRequest(DistinguishedFolderId.Inbox)))
            {
                Assert.NotNull(item);
            }
        });
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task FindAllItems_InAMissingFolder_ThrowsTheResponseCode()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Xml(Respond.Response("FindItem", Respond.Error("FindItem", "ErrorFolderNotFound", "The specified folder could not be found in the store."))));
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsResponseException>(async () =>
        {
            await foreach (var item in client.FindAllItemsAsync(new FindItemRequest(new FolderId("gone"))))
            {
                Assert.NotNull(item);
            }
        });
        Assert.Equal(EwsResponseCodes.ErrorFolderNotFound, error.ResponseCode);
    }
}
