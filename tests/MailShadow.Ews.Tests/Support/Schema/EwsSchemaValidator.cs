using System.Xml;
using System.Xml.Schema;

namespace MailShadow.Testing.EwsSchema;

/// <summary>
/// Validates EWS SOAP messages against Microsoft's published schema (messages.xsd, which imports types.xsd). The SOAP
/// envelope itself is not described by that schema, so each header child and the body's element are validated on their
/// own, as the schema's README prescribes; a SOAP fault body is reported as such and not validated. Warnings (an element
/// the schema does not declare at all) count as errors. Self-contained so other test projects can link this file.
/// </summary>
internal sealed class EwsSchemaValidator
{
    private const string SoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly Lazy<EwsSchemaValidator> _shared = new(() => new EwsSchemaValidator(SharedReferenceData.SchemaDirectory));

    public EwsSchemaValidator(string schemaDirectory)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(schemaDirectory, "messages.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        Schemas = schemas;
    }

    /// <summary>One validator over <see cref="SharedReferenceData.SchemaDirectory"/>, compiled once per test run.</summary>
    public static EwsSchemaValidator Shared => _shared.Value;

    public XmlSchemaSet Schemas { get; }

    /// <summary>Validates a whole SOAP envelope; returns every error (empty when valid).</summary>
    public IReadOnlyList<string> ValidateEnvelope(byte[] envelope) => ValidateEnvelope(new MemoryStream(envelope, writable: false));

    public IReadOnlyList<string> ValidateEnvelope(Stream envelope)
    {
        var errors = new List<string>();
        using var reader = XmlReader.Create(envelope, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        reader.MoveToContent();
        if (reader.LocalName != "Envelope" || reader.NamespaceURI != SoapNamespace)
        {
            return [$"The root element is '{reader.Name}', not a SOAP 1.1 Envelope."];
        }

        var sawBody = false;
        var envelopeDepth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == envelopeDepth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.NamespaceURI == SoapNamespace && reader.LocalName is "Header" or "Body")
            {
                var isBody = reader.LocalName == "Body";
                sawBody |= isBody;
                ValidateChildren(reader, isBody, errors);
            }
            else
            {
                errors.Add($"Unexpected envelope child '{reader.Name}'.");
                reader.Skip();
            }
        }

        if (!sawBody)
        {
            errors.Add("The envelope has no Body.");
        }

        return errors;
    }

    /// <summary>Validates one standalone EWS element (for example an <c>m:GetFolder</c>); returns every error.</summary>
    public IReadOnlyList<string> ValidateElement(string xml)
    {
        var errors = new List<string>();
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        reader.MoveToContent();
        ValidateSubtree(reader, errors);
        return errors;
    }

    private void ValidateChildren(XmlReader reader, bool isBody, List<string> errors)
    {
        if (reader.IsEmptyElement)
        {
            if (isBody)
            {
                errors.Add("The SOAP Body is empty.");
            }

            reader.Read();
            return;
        }

        var depth = reader.Depth;
        var children = 0;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            children++;
            if (isBody && children > 1)
            {
                errors.Add($"The SOAP Body has more than one element ('{reader.Name}').");
            }

            if (isBody && reader.NamespaceURI == SoapNamespace && reader.LocalName == "Fault")
            {
                reader.Skip();
                continue;
            }

            ValidateSubtree(reader, errors);
        }

        reader.Read();
        if (isBody && children == 0)
        {
            errors.Add("The SOAP Body is empty.");
        }
    }

    private void ValidateSubtree(XmlReader reader, List<string> errors)
    {
        var name = reader.Name;
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"{name}: {e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using (var subtree = reader.ReadSubtree())
        using (var validating = XmlReader.Create(subtree, settings))
        {
            while (validating.Read())
            {
            }
        }

        // ReadSubtree leaves the outer reader on the element's end tag (or the empty element).
        reader.Read();
    }
}
