namespace MailShadow.Ews.Model;

/// <summary>One item for UploadItems: full-fidelity data from ExportItems, into a folder, new or over an existing item.</summary>
public sealed record UploadItem(FolderId ParentFolderId, ReadOnlyMemory<byte> Data, UploadAction Action = UploadAction.CreateNew)
{
    /// <summary>The item to overwrite, for <see cref="UploadAction.Update"/> and <see cref="UploadAction.UpdateOrCreate"/>.</summary>
    public ItemId? ItemId { get; init; }

    public bool? IsAssociated { get; init; }
}
