using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// Validates whole SOAP responses against Microsoft's EWS schema (messages.xsd + types.xsd, read in place from the
/// shared reference directory) under a SOAP 1.1 envelope schema of the tests' own. A fault's detail is checked by hand
/// for the shape Exchange gives it, since no schema describes the errors namespace.
/// </summary>
internal sealed class EwsSchemaValidator
{
    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Types = "http://schemas.microsoft.com/exchange/services/2006/types";
    private const string Errors = "http://schemas.microsoft.com/exchange/services/2006/errors";

    private static readonly Lazy<EwsSchemaValidator> _shared = new(() => new EwsSchemaValidator(SharedPaths.SchemaDirectory));

    private readonly XmlSchemaSet _schemas;

    public EwsSchemaValidator(string schemaDirectory)
    {
        _schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        _schemas.Add(null, Path.Combine(schemaDirectory, "messages.xsd"));
        _schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Infrastructure", "soap-envelope.xsd"));
        _schemas.Compile();
    }

    public static EwsSchemaValidator Instance => _shared.Value;

    /// <summary>The validation errors of <paramref name="xml"/>; empty when it is a valid EWS SOAP message.</summary>
    public IReadOnlyList<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            // Only laxly validated content (a fault's detail) can lack a declaration without an error: the schemas
            // declare no e:ResponseCode or t:MessageXml element. That detail is checked by hand below.
            if (e.Severity == XmlSeverityType.Warning && e.Message.StartsWith("Could not find schema information", StringComparison.Ordinal))
            {
                return;
            }

            errors.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            errors.Add($"not well-formed: {ex.Message}");
            return errors;
        }

        if (document.Root?.Name != XName.Get("Envelope", Soap))
        {
            errors.Add($"the root is {document.Root?.Name}, not a SOAP 1.1 Envelope");
        }

        if (document.Root?.Element(XName.Get("Body", Soap))?.Element(XName.Get("Fault", Soap)) is { } fault)
        {
            CheckFault(fault, errors);
        }

        return errors;
    }

    public void AssertValid(string xml, string what)
    {
        var errors = Validate(xml);
        if (errors.Count > 0)
        {
            var report = new StringBuilder($"{what} is not valid EWS:").AppendLine();
            foreach (var error in errors.Take(20))
            {
                report.AppendLine("  " + error);
            }

            report.AppendLine(xml.Length > 4000 ? xml[..4000] + "…" : xml);
            throw new Xunit.Sdk.XunitException(report.ToString());
        }
    }

    private static void CheckFault(XElement fault, List<string> errors)
    {
        var code = fault.Element("faultcode");
        if (code is null || code.Value.Split(':') is not [var prefix, var local] || code.GetNamespaceOfPrefix(prefix)?.NamespaceName != Types)
        {
            errors.Add("faultcode must be a QName in the types namespace (a:<ResponseCode>)");
            return;
        }

        var detail = fault.Element("detail");
        var responseCode = detail?.Element(XName.Get("ResponseCode", Errors))?.Value;
        if (responseCode != local)
        {
            errors.Add($"detail/e:ResponseCode '{responseCode}' does not repeat the faultcode '{local}'");
        }

        if (detail?.Element(XName.Get("Message", Errors)) is null)
        {
            errors.Add("detail/e:Message is missing");
        }

        if (local == "ErrorServerBusy"
            && detail?.Element(XName.Get("MessageXml", Types))?.Elements(XName.Get("Value", Types)).Any(v => (string?)v.Attribute("Name") == "BackOffMilliseconds" && int.TryParse(v.Value, out _)) != true)
        {
            errors.Add("ErrorServerBusy without t:MessageXml/t:Value Name=\"BackOffMilliseconds\"");
        }
    }
}
