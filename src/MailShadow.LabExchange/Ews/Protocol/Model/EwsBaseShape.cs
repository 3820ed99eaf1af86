namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:BaseShape</c>: which properties a response carries before the additional ones.</summary>
internal enum EwsBaseShape
{
    IdOnly,
    Default,
    AllProperties,
}
