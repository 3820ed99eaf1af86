using MailShadow.LabExchange.Ews.Versions;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>How the EWS endpoint authenticates, which version it emulates, and its limits.</summary>
internal sealed record EwsEndpointSettings
{
    public required EwsVersionPolicy Version { get; init; }

    /// <summary>The mailbox users; each may use only its own mailbox.</summary>
    public IReadOnlyList<EwsAccount> Users { get; init; } = [];

    /// <summary>The account that may impersonate any mailbox; null when there is none.</summary>
    public EwsAccount? ServiceAccount { get; init; }

    /// <summary>The largest request body accepted (Exchange's EWS default is 64 MB).</summary>
    public long MaxRequestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The Basic realm offered in challenges; null uses the request's host, as IIS does.</summary>
    public string? Realm { get; init; }
}
