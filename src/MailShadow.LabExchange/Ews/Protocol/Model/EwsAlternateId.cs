namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A <c>t:AlternateId</c> of ConvertId: an id in one of the id formats, with its mailbox.</summary>
internal sealed record EwsAlternateId(string Format, string Id, string Mailbox)
{
    public bool IsArchive { get; init; }
}
