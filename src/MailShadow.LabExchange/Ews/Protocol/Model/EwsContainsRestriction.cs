namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:Contains</c>: a text property contains a constant, by mode (FullString, Prefixed, Substring…) and comparison.</summary>
internal sealed record EwsContainsRestriction(EwsPropertyPath Path, string Constant) : EwsRestriction
{
    /// <summary>ContainmentMode: FullString, Prefixed, Substring, PrefixOnWords or ExactPhrase.</summary>
    public string Mode { get; init; } = "Substring";

    /// <summary>True unless ContainmentComparison is Exact.</summary>
    public bool IgnoreCase { get; init; } = true;
}
