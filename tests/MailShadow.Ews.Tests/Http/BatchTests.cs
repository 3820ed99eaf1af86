using System.Xml.Linq;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

/// <summary>Many ids in one call: per-item outcomes as values, in request order, across batches.</summary>
public class BatchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetItem_OneMissingIdAmongMany_IsAValueInItsPlace()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Xml(Respond.Response("GetItem",
            Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"a\" ChangeKey=\"1\"/><t:Subject>A</t:Subject></t:Message></m:Items>"),
            Respond.Error("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", "<m:Items/>"),
            Respond.Error("GetItem", "ErrorInvalidIdMalformed", "Id is malformed.", "<m:Items/>"),
            Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"d\" ChangeKey=\"1\"/><t:Subject>D</t:Subject></t:Message></m:Items>"))));
        using var client = TestClients.Create(server.Url, output);

        var results = await client.GetItemAsync(Sample.GetItem("a", "b", "c", "d"));

        Assert.Equal(["NoError", "ErrorItemNotFound", "ErrorInvalidIdMalformed", "NoError"], results.Select(r => r.ResponseCode));
        Assert.Equal("The specified object was not found in the store.", results[1].MessageText);
        Assert.Equal(EwsResponseClass.Error, results[1].ResponseClass);
        Assert.Null(results[1].Value);
        Assert.Equal(["A", null, null, "D"], results.Select(r => r.Value?.Subject));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GetItem_MoreIdsThanTheBatchSize_IsSentInBatchesAndJoinedInOrder()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output, options => options.BatchSize = 2);
        var ids = Enumerable.Range(1, 5).Select(i => $"id-{i}").ToArray();

        var results = await client.GetItemAsync(Sample.GetItem(ids));

        Assert.Equal(ids.Select(id => $"Subject of {id}"), results.Select(r => r.GetValueOrThrow().Subject));
        Assert.Equal([2, 2, 1], server.Requests.Select(CountItemIds));
    }

    [Fact]
    public async Task DeleteItem_FailingInALaterBatch_SaysHowManyInputsEarlierBatchesCompleted()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Canned, Respond.DropMidResponse());
        using var client = TestClients.Create(server.Url, output, options => options.BatchSize = 2);
        var ids = Enumerable.Range(1, 5).Select(i => new ItemId($"id-{i}")).ToArray();

        var error = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => client.DeleteItemAsync(new DeleteItemRequest(ids, DeleteType.SoftDelete)));

        Assert.Equal(2, error.CompletedInputCount);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Response_WithFewerMessagesThanIds_IsRejected()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Xml(Respond.Response("GetItem", Respond.Success("GetItem", "<m:Items><t:Message><t:ItemId Id=\"a\"/></t:Message></m:Items>")));
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsProtocolException>(() => client.GetItemAsync(Sample.GetItem("a", "b")));

        Assert.Contains("Expected 2 response message(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task EmptyInput_SendsNothing()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output);

        Assert.Empty(await client.GetItemAsync(new GetItemRequest([])));
        Assert.Empty(await client.DeleteItemAsync(new DeleteItemRequest([], DeleteType.HardDelete)));
        Assert.Empty(await client.CreateAttachmentAsync(new CreateAttachmentRequest(new ItemId("x"), [])));
        Assert.Equal(0, server.RequestCount);
    }

    private static int CountItemIds(RecordedRequest request) =>
        XDocument.Parse(request.BodyText).Descendants(XName.Get("ItemIds", Respond.M)).Single().Elements().Count();
}
