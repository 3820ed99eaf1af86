namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary><c>ResponseClass</c> of a response message.</summary>
internal enum EwsResponseClass
{
    Success,
    Warning,
    Error,
}
