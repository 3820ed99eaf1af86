using System.Xml;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>The only settings requests are read with: no DTDs, no resolver, bounded size.</summary>
internal static class EwsReaderSettings
{
    public static XmlReaderSettings Create(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
