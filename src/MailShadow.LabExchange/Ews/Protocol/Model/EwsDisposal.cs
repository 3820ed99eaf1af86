namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:DisposalType</c>: how DeleteItem, DeleteFolder and EmptyFolder delete.</summary>
internal enum EwsDisposal
{
    HardDelete,
    SoftDelete,
    MoveToDeletedItems,
}
