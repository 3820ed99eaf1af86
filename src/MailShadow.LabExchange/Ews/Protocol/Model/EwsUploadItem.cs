namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:Item</c> of UploadItems.</summary>
internal sealed record EwsUploadItem(string CreateAction, EwsFolderReference ParentFolder, EwsItemReference? Item, byte[] Data)
{
    public bool IsAssociated { get; init; }
}
