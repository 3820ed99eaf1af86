using MailShadow.LabExchange.Ews.Tests.Infrastructure;

namespace MailShadow.LabExchange.Ews.Tests.Conformance;

/// <summary>The validator the conformance tests rely on: it must accept what the schema allows and reject what it does not.</summary>
public sealed class SchemaValidatorTests
{
    private const string Header =
        "<s:Header><h:ServerVersionInfo xmlns:h=\"http://schemas.microsoft.com/exchange/services/2006/types\" MajorVersion=\"15\" MinorVersion=\"1\" MajorBuildNumber=\"2507\" MinorBuildNumber=\"6\" Version=\"V2017_07_11\"/></s:Header>";

    private static string Response(string messages) =>
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">" + Header
        + "<s:Body><m:GetFolderResponse xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"><m:ResponseMessages>"
        + messages + "</m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>";

    [Fact]
    public void Validate_WellFormedGetFolderResponse_HasNoErrors()
    {
        var xml = Response("<m:GetFolderResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:Folder><t:FolderId Id=\"AAA=\"/><t:DisplayName>Inbox</t:DisplayName><t:TotalCount>1</t:TotalCount><t:UnreadCount>0</t:UnreadCount></t:Folder></m:Folders></m:GetFolderResponseMessage>");

        Assert.Empty(EwsSchemaValidator.Instance.Validate(xml));
    }

    [Fact]
    public void Validate_ElementsOutOfSchemaOrder_Fails()
    {
        // UnreadCount before DisplayName: every element is known, only the xs:sequence order is wrong.
        var xml = Response("<m:GetFolderResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:Folder><t:FolderId Id=\"AAA=\"/><t:UnreadCount>0</t:UnreadCount><t:DisplayName>Inbox</t:DisplayName></t:Folder></m:Folders></m:GetFolderResponseMessage>");

        Assert.NotEmpty(EwsSchemaValidator.Instance.Validate(xml));
    }

    [Fact]
    public void Validate_UnknownResponseCode_Fails()
    {
        var xml = Response("<m:GetFolderResponseMessage ResponseClass=\"Error\"><m:ResponseCode>ErrorNoSuchThing</m:ResponseCode></m:GetFolderResponseMessage>");

        Assert.NotEmpty(EwsSchemaValidator.Instance.Validate(xml));
    }

    [Fact]
    public void Validate_BodyElementTheSchemaDoesNotDeclare_Fails()
    {
        var xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">" + Header
            + "<s:Body><m:GetFolderAnswer xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\"/></s:Body></s:Envelope>";

        Assert.NotEmpty(EwsSchemaValidator.Instance.Validate(xml));
    }

    [Fact]
    public void Validate_ServerBusyFaultWithoutBackOff_Fails()
    {
        var xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
            + "<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:ErrorServerBusy</faultcode>"
            + "<faultstring xml:lang=\"en-US\">busy</faultstring><detail>"
            + "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">ErrorServerBusy</e:ResponseCode>"
            + "<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">busy</e:Message>"
            + "</detail></s:Fault></s:Body></s:Envelope>";

        Assert.Contains(EwsSchemaValidator.Instance.Validate(xml), error => error.Contains("BackOffMilliseconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NotWellFormed_Fails()
    {
        Assert.NotEmpty(EwsSchemaValidator.Instance.Validate("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"));
    }
}
