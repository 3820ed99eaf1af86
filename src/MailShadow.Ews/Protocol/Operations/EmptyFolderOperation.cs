using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>EmptyFolder: one bare response message per folder.</summary>
internal sealed class EmptyFolderOperation(IReadOnlyList<FolderIdentifier> folderIds, DeleteType deleteType, bool deleteSubFolders)
    : EwsOperation<NoPayload>
{
    public override string Name => "EmptyFolder";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => folderIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("DeleteType", deleteType.ToString());
        writer.WriteAttribute("DeleteSubFolders", deleteSubFolders);
        IdWriter.WriteFolderIds(writer, "FolderIds", folderIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<NoPayload?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        await PayloadReader.SkipRestAsync(reader, messageDepth);
        return null;
    }
}
