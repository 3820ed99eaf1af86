using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsConvertIdMessage : EwsResponseMessage
{
    public EwsAlternateId? AlternateId { get; init; }
}
