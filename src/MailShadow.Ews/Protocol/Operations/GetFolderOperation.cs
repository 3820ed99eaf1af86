using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>GetFolder: folders by id, one response message per id.</summary>
internal sealed class GetFolderOperation(FolderShape shape, IReadOnlyList<FolderIdentifier> folderIds) : EwsOperation<EwsFolder>
{
    public override string Name => "GetFolder";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => folderIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        ShapeWriter.WriteFolderShape(writer, shape);
        IdWriter.WriteFolderIds(writer, "FolderIds", folderIds);
        writer.WriteEndElement();
    }

    public override ValueTask<EwsFolder?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        PayloadReader.ReadFirstFolderAsync(reader, messageDepth);
}
