using System.Text;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Reading;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;

namespace MailShadow.LabExchange.Ews.Tests.Protocol;

/// <summary>The request parser on its own: bytes in, typed request or fault out, no server.</summary>
public sealed class RequestReaderTests
{
    private static EwsReadResult Read(string xml) => EwsRequestReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 1 << 20);

    [Fact]
    public void Read_EveryRecordedExchangelibRequest_ParsesWithoutAFault()
    {
        foreach (var path in Directory.GetFiles(SharedPaths.TraceDirectory, "*-req.xml"))
        {
            var result = Read(File.ReadAllText(path));

            Assert.True(result.Fault is null, $"{Path.GetFileName(path)}: {result.Fault?.ResponseCode} {result.Fault?.SchemaViolation}");
            Assert.Equal("Exchange2016", result.Header.RequestServerVersion);
        }
    }

    [Fact]
    public void Read_ExchangelibGetItem_KeepsAllTheAdditionalPropertiesAndIds()
    {
        var result = Read(File.ReadAllText(Path.Combine(SharedPaths.TraceDirectory, "010-GetItem-req.xml")));

        var request = Assert.IsType<GetItemRequest>(result.Request);
        Assert.True(request.Shape.AdditionalProperties.Count > 150);
        Assert.Contains(request.Shape.AdditionalProperties, path => path is EwsIndexedFieldPath { FieldUri: "contacts:EmailAddress", FieldIndex: "EmailAddress1" });
        Assert.Equal(2, request.ItemIds.Count);
        Assert.Equal("UTC", result.Header.TimeZoneId);
    }

    [Fact]
    public void Read_BooleansAsDigits_AreAccepted()
    {
        var result = Read(File.ReadAllText(Path.Combine(SharedPaths.TraceDirectory, "011-CreateItem-req.xml")));

        var item = Assert.Single(Assert.IsType<CreateItemRequest>(result.Request).Items);
        Assert.False(item.IsRead);
        Assert.NotNull(item.MimeContent);
        Assert.Equal(EwsMessageDisposition.SaveOnly, ((CreateItemRequest)result.Request!).Disposition);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefusedWithoutBeingResolved()
    {
        var result = Read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>");

        Assert.Equal("ErrorSchemaValidation", result.Fault?.ResponseCode);
        Assert.Contains("DTD", result.Fault!.SchemaViolation!.Value.Violation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_OversizedDocument_IsRefused()
    {
        var big = EwsTestClient.Envelope($"<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>{new string('a', 5000)}</m:UnresolvedEntry></m:ResolveNames>");

        var result = EwsRequestReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(big)), 1000);

        Assert.Equal("ErrorSchemaValidation", result.Fault?.ResponseCode);
    }

    [Fact]
    public void Read_ImpersonationHeader_IsRead()
    {
        var result = Read(EwsTestClient.Envelope("<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>", impersonate: "bob@example.test"));

        Assert.Equal(new EwsImpersonation("PrimarySmtpAddress", "bob@example.test"), result.Header.Impersonation);
    }

    [Fact]
    public void Read_ExtendedFieldWithNeitherTagNorSet_IsASchemaViolation()
    {
        var result = Read(EwsTestClient.Envelope("<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:ExtendedFieldURI PropertyType=\"String\"/></t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id=\"x\"/></m:ItemIds></m:GetItem>"));

        Assert.Equal("ErrorSchemaValidation", result.Fault?.ResponseCode);
    }

    [Fact]
    public void Read_Restriction_BuildsTheTree()
    {
        var result = Read(EwsTestClient.Envelope(
            "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
            + "<m:Restriction><t:And><t:IsEqualTo><t:FieldURI FieldURI=\"message:IsRead\"/><t:FieldURIOrConstant><t:Constant Value=\"false\"/></t:FieldURIOrConstant></t:IsEqualTo>"
            + "<t:Not><t:Contains ContainmentMode=\"Prefixed\" ContainmentComparison=\"IgnoreCase\"><t:FieldURI FieldURI=\"item:Subject\"/><t:Constant Value=\"re:\"/></t:Contains></t:Not></t:And></m:Restriction>"
            + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:ParentFolderIds></m:FindItem>"));

        var and = Assert.IsType<EwsAndRestriction>(Assert.IsType<FindItemRequest>(result.Request).Restriction);
        Assert.Equal(new EwsCompareRestriction(EwsComparison.IsEqualTo, new EwsFieldPath("message:IsRead")) { Constant = "false" }, and.Operands[0]);
        var contains = Assert.IsType<EwsContainsRestriction>(Assert.IsType<EwsNotRestriction>(and.Operands[1]).Operand);
        Assert.Equal(("Prefixed", true, "re:"), (contains.Mode, contains.IgnoreCase, contains.Constant));
    }
}
