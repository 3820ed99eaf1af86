using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>UpdateFolder: set or delete folder properties; one response message (the new change key) per folder.</summary>
internal sealed class UpdateFolderOperation(IReadOnlyList<FolderUpdate> updates) : EwsOperation<FolderId>
{
    public override string Name => "UpdateFolder";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => updates.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteStartM("FolderChanges");
        foreach (var update in updates)
        {
            writer.WriteStartT("FolderChange");
            IdWriter.WriteFolderId(writer, update.FolderId);
            writer.WriteStartT("Updates");
            foreach (var change in update.Changes)
            {
                writer.WriteStartT(change.IsDelete ? "DeleteFolderField" : "SetFolderField");
                PathWriter.Write(writer, change.Path);
                if (change.Value is { } value)
                {
                    FolderWriter.Write(writer, value, update.Kind);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<FolderId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        (await PayloadReader.ReadFirstFolderAsync(reader, messageDepth))?.Id;
}
