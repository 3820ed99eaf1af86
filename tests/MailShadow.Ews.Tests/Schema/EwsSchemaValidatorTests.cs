using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Testing.EwsSchema;

namespace MailShadow.Ews.Tests.Schema;

public class EwsSchemaValidatorTests
{
    private const string Namespaces =
        "xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"";

    private static EwsSchemaValidator Validator => EwsSchemaValidator.Shared;

    [Fact]
    public void ValidateElement_WellFormedGetFolder_HasNoErrors()
    {
        var errors = Validator.ValidateElement(
            $"<m:GetFolder {Namespaces}><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>" +
            "<m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>");

        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateElement_ChildrenOutOfSchemaOrder_Fails()
    {
        var errors = Validator.ValidateElement(
            $"<m:GetFolder {Namespaces}><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds>" +
            "<m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:GetFolder>");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void ValidateElement_UnknownChildElement_Fails()
    {
        var errors = Validator.ValidateElement(
            $"<m:GetFolder {Namespaces}><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape><t:Bogus/></m:FolderShape>" +
            "<m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>");

        Assert.Contains(errors, error => error.Contains("Bogus", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<t:BaseShape>Everything</t:BaseShape>", "inbox")]
    [InlineData("<t:BaseShape>IdOnly</t:BaseShape>", "notafolder")]
    public void ValidateElement_ValueOutsideItsEnumeration_Fails(string shape, string folder)
    {
        var errors = Validator.ValidateElement(
            $"<m:GetFolder {Namespaces}><m:FolderShape>{shape}</m:FolderShape>" +
            $"<m:FolderIds><t:DistinguishedFolderId Id=\"{folder}\"/></m:FolderIds></m:GetFolder>");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void ValidateElement_UndeclaredRootElement_Fails()
    {
        Assert.NotEmpty(Validator.ValidateElement($"<m:GetEverything {Namespaces}/>"));
    }

    [Fact]
    public void ValidateEnvelope_InvalidHeaderValue_Fails()
    {
        var envelope = Encoding.UTF8.GetBytes(
            $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" {Namespaces}><s:Header>" +
            "<t:RequestServerVersion Version=\"Exchange2019\"/></s:Header><s:Body>" +
            "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>" +
            "<m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder></s:Body></s:Envelope>");

        var errors = Validator.ValidateEnvelope(envelope);

        Assert.Contains(errors, error => error.Contains("RequestServerVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateEnvelope_ClientEnvelope_IsValid_AndACorruptedCopyIsNot()
    {
        var envelope = SoapEnvelopeWriter.Write(
            new GetFolderOperation(FolderShape.Hierarchy, [DistinguishedFolderId.Inbox.In("alice@example.test")]),
            new EwsRequestHeaders("Exchange2016", "alice@example.test", "UTC"));
        var text = Encoding.UTF8.GetString(envelope);

        Assert.Empty(Validator.ValidateEnvelope(envelope));
        Assert.NotEmpty(Validator.ValidateEnvelope(Encoding.UTF8.GetBytes(text.Replace(">IdOnly<", ">Everything<", StringComparison.Ordinal))));
        Assert.NotEmpty(Validator.ValidateEnvelope(Encoding.UTF8.GetBytes(text.Replace("<t:PrimarySmtpAddress>", "<t:Mailbox>", StringComparison.Ordinal)
            .Replace("</t:PrimarySmtpAddress>", "</t:Mailbox>", StringComparison.Ordinal))));
    }

    [Fact]
    public void ValidateEnvelope_EmptyBody_Fails()
    {
        var envelope = Encoding.UTF8.GetBytes("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>");

        Assert.NotEmpty(Validator.ValidateEnvelope(envelope));
    }

    public static TheoryData<string> RecordedMessages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedReferenceData.TracesDirectory, "exchangelib"), "*.xml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedMessages))]
    public void ValidateEnvelope_RecordedExchangelibMessage_IsValid(string fileName)
    {
        var envelope = File.ReadAllBytes(Path.Combine(SharedReferenceData.TracesDirectory, "exchangelib", fileName));

        Assert.Empty(Validator.ValidateEnvelope(envelope));
    }
}
