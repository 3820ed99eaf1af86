namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>The body of <c>POST /lab/faults/ews</c> and of its <c>GET</c> answer: the active rules.</summary>
public sealed record EwsFaultSet
{
    public IReadOnlyList<EwsFaultRule> Rules { get; init; } = [];
}
