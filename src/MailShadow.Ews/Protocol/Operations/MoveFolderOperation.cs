using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>MoveFolder: one response message (the moved folder's id) per folder.</summary>
internal sealed class MoveFolderOperation(FolderIdentifier toFolderId, IReadOnlyList<FolderIdentifier> folderIds) : EwsOperation<FolderId>
{
    public override string Name => "MoveFolder";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => folderIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        IdWriter.WriteFolderIds(writer, "ToFolderId", toFolderId);
        IdWriter.WriteFolderIds(writer, "FolderIds", folderIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<FolderId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        (await PayloadReader.ReadFirstFolderAsync(reader, messageDepth))?.Id;
}
