using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// Reader settings for untrusted responses: no DTD (a DOCTYPE is an error, so entities never expand), no resolver (nothing
/// is fetched), a cap on the document's characters, async streaming.
/// </summary>
internal static class EwsXmlReaderSettings
{
    public static XmlReaderSettings Create(long maxCharactersInDocument) => new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        CheckCharacters = true,
    };
}
