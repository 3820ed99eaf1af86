using System.Net;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>Request-level failures: unknown server versions and schema violations are SOAP faults (HTTP 500).</summary>
public sealed class VersionAndSchemaTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Exchange2019", "Exchange2019", "ErrorInvalidRequest")]
    [InlineData("Exchange2016", "Exchange2019", "ErrorInvalidRequest")]
    [InlineData("Exchange2016", "V2018_01_08", "ErrorInvalidServerVersion")]
    [InlineData("Exchange2013", "Exchange2016", "ErrorInvalidServerVersion")]
    [InlineData("Exchange2010_SP2", "Exchange2013", "ErrorInvalidServerVersion")]
    public async Task RequestServerVersion_TheEmulatedServerDoesNotKnow_IsAFault(string emulated, string requested, string code)
    {
        await using var site = await LabEwsSite.StartAsync(output, emulated);

        var reply = await site.Client().CallAsync(Ops.GetFolder("inbox"), version: requested);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal(code, reply.FaultCode);
    }

    [Theory]
    [InlineData("Exchange2019", "Exchange2016", "15", "2", "V2017_07_11")]
    [InlineData("Exchange2016", "Exchange2016", "15", "1", "V2017_07_11")]
    [InlineData("Exchange2013", "Exchange2013_SP1", "15", "0", "V2_23")]
    [InlineData("Exchange2010_SP2", "Exchange2010_SP2", "14", "3", "Exchange2010_SP2")]
    public async Task ServerVersionInfo_FollowsTheEmulatedVersion(string emulated, string requested, string major, string minor, string version)
    {
        await using var site = await LabEwsSite.StartAsync(output, emulated);

        var reply = await site.Client().CallAsync(Ops.GetFolder("inbox"), version: requested);

        reply.Ok();
        Assert.Equal(major, reply.ServerVersionInfo?.Attribute("MajorVersion")?.Value);
        Assert.Equal(minor, reply.ServerVersionInfo?.Attribute("MinorVersion")?.Value);
        Assert.Equal(version, reply.ServerVersionInfo?.Attribute("Version")?.Value);
    }

    [Fact]
    public async Task RequestServerVersion_Absent_IsAccepted()
    {
        await using var site = await LabEwsSite.StartAsync(output);

        (await site.Client().CallAsync(Ops.GetFolder("inbox"), version: null)).Ok();
    }

    [Theory]
    [InlineData("<m:GetFolder><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:GetFolder>")]
    [InlineData("<m:GetFolder><m:FolderShape><t:BaseShape>Everything</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>")]
    [InlineData("<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id=\"Inbox\"/></m:FolderIds></m:GetFolder>")]
    [InlineData("<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id=\"inbox\"/></m:SyncFolderId><m:MaxChangesReturned>513</m:MaxChangesReturned></m:SyncFolderItems>")]
    [InlineData("<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds></m:ItemIds></m:GetItem>")]
    [InlineData("<m:UpdateItem MessageDisposition=\"SaveOnly\"><m:ItemChanges/></m:UpdateItem>")]
    public async Task MalformedRequest_IsAnErrorSchemaValidationFaultWithItsPosition(string operation)
    {
        await using var site = await LabEwsSite.StartAsync(output);

        var reply = await site.Client().CallAsync(operation);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("ErrorSchemaValidation", reply.FaultCode);
        var position = reply.Fault!.Element("detail")!.Element(EwsReply.T + "MessageXml")!;
        Assert.True(int.Parse(position.Element(EwsReply.T + "LineNumber")!.Value) >= 1);
        Assert.NotEmpty(position.Element(EwsReply.T + "Violation")!.Value);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>&x;</s:Body></s:Envelope>")]
    [InlineData("not xml at all")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><m:GetFolder xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">")]
    public async Task UnreadableOrDtdBearingBody_IsAnErrorSchemaValidationFault(string body)
    {
        await using var site = await LabEwsSite.StartAsync(output);

        var reply = await site.Client().SendAsync(body);

        Assert.Equal("ErrorSchemaValidation", reply.FaultCode);
        Assert.DoesNotContain("root:", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOperation_IsAnErrorInvalidRequestFault()
    {
        await using var site = await LabEwsSite.StartAsync(output);

        var reply = await site.Client().CallAsync("<m:GetUserAvailabilityRequest/>");

        Assert.Equal("ErrorInvalidRequest", reply.FaultCode);
    }
}
