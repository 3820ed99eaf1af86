using Microsoft.Extensions.Logging;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>What every connection of one server shares.</summary>
internal sealed class ConnectionSettings(string serverName, long maxMessageSize, TimeSpan commandTimeout, bool tlsAvailable, TimeProvider time, ILogger logger)
{
    /// <summary>Longest command line accepted; RFC 5321 allows 512 octets, extensions add parameters.</summary>
    public const int MaxCommandLine = 4096;

    private volatile bool _stopping;

    public string ServerName { get; } = serverName;

    public long MaxMessageSize { get; } = maxMessageSize;

    public TimeSpan CommandTimeout { get; } = commandTimeout;

    public bool TlsAvailable { get; } = tlsAvailable;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public bool Stopping => _stopping;

    public void MarkStopping() => _stopping = true;
}
