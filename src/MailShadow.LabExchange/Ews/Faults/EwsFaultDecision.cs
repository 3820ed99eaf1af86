namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>What the injector decided for one request: a delay first, then at most one terminal fault.</summary>
internal readonly record struct EwsFaultDecision(TimeSpan Delay, EwsFaultKind? Terminal, int BackOffMilliseconds, int AfterBytes)
{
    public static EwsFaultDecision None => default;
}
