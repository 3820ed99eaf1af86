using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>DeleteFolder: one bare response message per folder.</summary>
internal sealed class DeleteFolderOperation(IReadOnlyList<FolderIdentifier> folderIds, DeleteType deleteType) : EwsOperation<NoPayload>
{
    public override string Name => "DeleteFolder";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => folderIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("DeleteType", deleteType.ToString());
        IdWriter.WriteFolderIds(writer, "FolderIds", folderIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<NoPayload?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        await PayloadReader.SkipRestAsync(reader, messageDepth);
        return null;
    }
}
