namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>Which kind of update an UpdateItem or UpdateFolder change carries.</summary>
internal enum EwsUpdateKind
{
    Set,
    Append,
    Delete,
}
