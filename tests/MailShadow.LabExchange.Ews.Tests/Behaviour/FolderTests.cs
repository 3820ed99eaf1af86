using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

public sealed class FolderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;

    public async Task InitializeAsync() => _site = await LabEwsSite.StartAsync(output);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task GetFolder_DistinguishedAndUnknownIds_AnswersEachInRequestOrder()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 2);

        var reply = await _site.Client().CallAsync(
            "<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>"
            + "<t:DistinguishedFolderId Id=\"inbox\"/><t:DistinguishedFolderId Id=\"calendar\"/><t:DistinguishedFolderId Id=\"root\"/>"
            + "<t:FolderId Id=\"AAAA\"/></m:FolderIds></m:GetFolder>");

        Assert.Equal(["NoError", "ErrorFolderNotFound", "NoError", "ErrorInvalidIdMalformed"], reply.Codes);
        var inbox = reply.Messages[0].Descendants(EwsReply.T + "Folder").Single();
        Assert.Equal("Inbox", inbox.Element(EwsReply.T + "DisplayName")?.Value);
        Assert.Equal("2", inbox.Element(EwsReply.T + "TotalCount")?.Value);
        Assert.Equal("2", inbox.Element(EwsReply.T + "UnreadCount")?.Value);
    }
}
