namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:MessageDispositionType</c>: whether CreateItem and UpdateItem save, send, or both.</summary>
internal enum EwsMessageDisposition
{
    SaveOnly,
    SendOnly,
    SendAndSaveCopy,
}
