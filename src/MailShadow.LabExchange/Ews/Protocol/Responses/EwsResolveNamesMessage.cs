namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsResolveNamesMessage : EwsResponseMessage
{
    /// <summary>Written as <c>m:ResolutionSet</c> when not null.</summary>
    public IReadOnlyList<EwsResolutionView>? Resolutions { get; init; }
}
