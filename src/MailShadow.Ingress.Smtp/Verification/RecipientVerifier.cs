using System.Collections.Concurrent;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;

namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>
/// Asks the active site whether a recipient exists, and remembers definite answers for a while. When the site
/// cannot answer the recipient is accepted and nothing is remembered: an outage of the active site must never
/// bounce mail, and the next recipient asks again.
/// </summary>
internal sealed class RecipientVerifier
{
    // A dictionary attack fills the cache with unknown addresses; past this size expired entries go, then all.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(SiteName Site, string Address), CacheEntry> _cache = new();
    private readonly RecipientVerificationOptions _options;
    private readonly SiteTopology _topology;
    private readonly IRoleSource _roles;
    private readonly TimeProvider _time;
    private readonly SmtpCalloutClient _client;
    private readonly ILogger _logger;

    public RecipientVerifier(RecipientVerificationOptions options, SiteTopology topology, IRoleSource roles, TimeProvider time, string heloName, ILogger logger)
    {
        _options = options;
        _topology = topology;
        _roles = roles;
        _time = time;
        _logger = logger;
        _client = new SmtpCalloutClient(heloName, time);
    }

    /// <summary>Null when the recipient may be accepted, otherwise the refusal to send.</summary>
    public async ValueTask<string?> VerifyAsync(string address, CancellationToken cancellationToken)
    {
        var site = _roles.Current.Active;
        var key = (site, address.ToLowerInvariant());
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            Log.CalloutCacheHit(_logger, address, site.Value, cached.Refusal is null);
            return cached.Refusal;
        }

        var result = await _client.VerifyAsync(_topology[site], address, _options.Timeout, cancellationToken);
        switch (result.Outcome)
        {
            case CalloutOutcome.Exists:
                Remember(key, null, now);
                return null;
            case CalloutOutcome.Unknown:
                Log.CalloutRefused(_logger, address, site.Value, result.Detail);
                var refusal = Protocol.Replies.UnknownRecipient(address, CalloutClassifier.TextWithoutCodes(result.Reply!));
                Remember(key, refusal, now);
                return refusal;
            default:
                Log.CalloutFailedOpen(_logger, address, site.Value, result.Detail);
                return null;
        }
    }

    private void Remember((SiteName, string) key, string? refusal, DateTimeOffset now)
    {
        if (_cache.Count >= MaxEntries)
        {
            foreach (var (entryKey, entry) in _cache)
            {
                if (entry.Expires <= now)
                {
                    _cache.TryRemove(entryKey, out _);
                }
            }

            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }
        }

        _cache[key] = new CacheEntry(refusal, now + _options.CacheDuration);
    }

    private readonly record struct CacheEntry(string? Refusal, DateTimeOffset Expires);
}
