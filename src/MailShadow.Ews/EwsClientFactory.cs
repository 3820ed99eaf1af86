using System.Collections.Concurrent;
using MailShadow.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Ews;

/// <summary>Creates one <see cref="EwsClient"/> per site from its named <see cref="EwsClientOptions"/>, and disposes them.</summary>
internal sealed class EwsClientFactory(
    IOptionsMonitor<EwsClientOptions> options,
    EwsSiteList sites,
    TimeProvider timeProvider,
    ILogger<EwsClient> logger) : IEwsClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<SiteName, Lazy<EwsClient>> _clients = new();

    public IReadOnlyList<SiteName> Sites => sites.Sites;

    public EwsClient GetClient(SiteName site)
    {
        if (!sites.Sites.Contains(site))
        {
            throw new KeyNotFoundException($"Site '{site}' has no EWS configuration ({EwsServiceCollectionExtensions.SectionName}:Sites:{site}).");
        }

        return _clients.GetOrAdd(site, name => new Lazy<EwsClient>(() => new EwsClient(options.Get(name.Value), timeProvider, logger, name))).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }
}
