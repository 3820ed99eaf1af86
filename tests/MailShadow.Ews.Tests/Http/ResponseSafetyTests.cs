using System.IO.Compression;
using System.Text;
using MailShadow.Ews.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

/// <summary>Hostile or broken answers are refused without expanding, resolving or buffering them.</summary>
public class ResponseSafetyTests(ITestOutputHelper output)
{
    private const string BillionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" +
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" +
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" +
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" +
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><m:GetItemResponse xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">" +
        "<m:ResponseMessages><m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:Subject>&lol9;</t:Subject></t:Message></m:Items>" +
        "</m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>";

    private const string ExternalEntity =
        "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><m:GetItemResponse xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">" +
        "<m:ResponseMessages><m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:Subject>&secret;</t:Subject></t:Message></m:Items>" +
        "</m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>";

    [Theory]
    [InlineData(BillionLaughs)]
    [InlineData(ExternalEntity)]
    public async Task ResponseWithADtd_IsRefusedBeforeAnyEntityExpands(string document)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Xml(document);
        using var client = TestClients.Create(server.Url, output);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = await Assert.ThrowsAsync<EwsProtocolException>(() => Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem), TimeSpan.FromSeconds(5)));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(1, server.RequestCount);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 50_000_000, "The document must not expand.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResponseLargerThanMaxResponseBytes_IsRefused_WithOrWithoutContentLength(bool announceLength)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        var subject = new string('x', 200_000);
        var envelope = Respond.Response("GetItem", Respond.Success("GetItem", $"<m:Items><t:Message><t:Subject>{subject}</t:Subject></t:Message></m:Items>"));
        server.Fallback = async (context, _) =>
        {
            context.Response.ContentType = "text/xml; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(envelope);
            if (announceLength)
            {
                context.Response.ContentLength = bytes.Length;
            }

            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)), context.RequestAborted);
            }
        };
        using var client = TestClients.Create(server.Url, output, options => options.MaxResponseBytes = 64 * 1024);

        var error = await Assert.ThrowsAsync<EwsProtocolException>(() => client.GetItemAsync(Sample.GetOneItem));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task CompressedResponse_IsLimitedByItsDecompressedSize()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        var envelope = Respond.Response("GetItem", Respond.Success("GetItem", $"<m:Items><t:Message><t:Subject>{new string('z', 2_000_000)}</t:Subject></t:Message></m:Items>"));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(envelope));
        }

        server.Fallback = async (context, _) =>
        {
            context.Response.ContentType = "text/xml; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(compressed.ToArray());
        };
        using var client = TestClients.Create(server.Url, output, options => options.MaxResponseBytes = 1024 * 1024);

        var error = await Assert.ThrowsAsync<EwsProtocolException>(() => client.GetItemAsync(Sample.GetOneItem));

        Assert.True(compressed.Length < 64 * 1024);
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseWithMoreCharactersThanAllowed_IsRefused()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Xml(Respond.Response("GetItem", Respond.Success("GetItem", $"<m:Items><t:Message><t:Subject>{new string('y', 50_000)}</t:Subject></t:Message></m:Items>")));
        using var client = TestClients.Create(server.Url, output, options => options.MaxResponseCharacters = 20_000);

        await Assert.ThrowsAsync<EwsProtocolException>(() => client.GetItemAsync(Sample.GetOneItem));
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><m:GetItemResponse")]
    [InlineData("<html><body>Service Unavailable</body></html>")]
    [InlineData("")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>")]
    public async Task MalformedResponse_ToARead_IsAProtocolErrorAndNotRetried(string body)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Xml(body);
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsProtocolException>(() => client.GetItemAsync(Sample.GetOneItem));

        Assert.False(error.IsTransient);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task MalformedResponse_ToACreate_HasAnUnknownOutcome()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Xml(BillionLaughs);
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => client.CreateItemAsync(Sample.CreateMessage));

        Assert.IsType<EwsProtocolException>(error.InnerException);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task RedirectResponse_IsNotFollowed()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "http://127.0.0.2:1/steal";
            return Task.CompletedTask;
        };
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsHttpStatusException>(() => client.GetItemAsync(Sample.GetOneItem));

        Assert.Equal(System.Net.HttpStatusCode.Found, error.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }
}
