using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>CreateFolder: one response message (with the new folder id) per folder.</summary>
internal sealed class CreateFolderOperation(FolderIdentifier parentFolderId, IReadOnlyList<NewFolder> folders) : EwsOperation<FolderId>
{
    public override string Name => "CreateFolder";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => folders.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        IdWriter.WriteFolderIds(writer, "ParentFolderId", parentFolderId);
        writer.WriteStartM("Folders");
        foreach (var folder in folders)
        {
            FolderWriter.Write(writer, folder, folder.Kind);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<FolderId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        (await PayloadReader.ReadFirstFolderAsync(reader, messageDepth))?.Id;
}
