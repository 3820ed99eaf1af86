using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol;
using MailShadow.Ews.Transport;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Ews;

/// <summary>
/// A typed EWS client for one Exchange site: one async method per operation, typed requests and results. Per-item
/// failures come back as <see cref="EwsResult"/> values in request order; whole-call failures are <see cref="EwsException"/>s
/// (<see cref="EwsOutcomeUnknownException"/> when a mutating call may or may not have been applied). Calls with many ids
/// are sent in batches of <see cref="EwsClientOptions.BatchSize"/>. Thread-safe; share one per site.
/// </summary>
public sealed partial class EwsClient : IDisposable
{
    private readonly EwsRequestExecutor _executor;
    private readonly string? _impersonate;
    private readonly bool _ownsExecutor;

    /// <summary>Creates a client for one site; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public EwsClient(EwsClientOptions options, TimeProvider? timeProvider = null, ILogger<EwsClient>? logger = null, SiteName? site = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        EwsClientOptionsValidator.Collect(options, EwsClientOptionsValidator.SectionOf(site?.Value), errors);
        if (errors.HasErrors)
        {
            throw new ArgumentException("Invalid EWS client options: " + string.Join(" ", errors.Errors), nameof(options));
        }

        _executor = new EwsRequestExecutor(
            options,
            timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance,
            site?.Value ?? new Uri(options.Url).Host);
        _impersonate = string.IsNullOrWhiteSpace(options.Impersonate) ? null : options.Impersonate;
        _ownsExecutor = true;
    }

    private EwsClient(EwsRequestExecutor executor, string? impersonate)
    {
        _executor = executor;
        _impersonate = impersonate;
    }

    /// <summary>The site this client talks to (its configured name, or the EWS host).</summary>
    public string Site => _executor.Site;

    /// <summary>The server's build from the latest response header, or null before the first response.</summary>
    public ServerVersionInfo? ServerVersion => _executor.ServerVersion;

    /// <summary>The <c>RequestServerVersion</c> every request carries.</summary>
    public string RequestServerVersion => _executor.Options.RequestServerVersion.ToRequestServerVersion();

    /// <summary>
    /// How many ids, items or changes one request carries (<see cref="EwsClientOptions.BatchSize"/>); a call with more is
    /// sent as several requests, which callers counting requests need to know.
    /// </summary>
    public int BatchSize => _executor.Options.BatchSize;

    /// <summary>The mailbox calls act as (ExchangeImpersonation), or null for the service account itself.</summary>
    public string? ImpersonatedMailbox => _impersonate;

    /// <summary>
    /// A view of this client whose calls act as another mailbox (by primary SMTP address; null for the service account),
    /// sharing its connections. Disposing the view does nothing; dispose the original.
    /// </summary>
    public EwsClient Impersonating(string? primarySmtpAddress) =>
        new(_executor, string.IsNullOrWhiteSpace(primarySmtpAddress) ? null : primarySmtpAddress);

    public void Dispose()
    {
        if (_ownsExecutor)
        {
            _executor.Dispose();
        }
    }

    private Task<IReadOnlyList<EwsResult<T>>> ExecuteAsync<T>(EwsOperation<T> operation, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(operation, _impersonate, cancellationToken);

    private async Task<EwsResult<T>> ExecuteSingleAsync<T>(EwsOperation<T> operation, CancellationToken cancellationToken) =>
        (await ExecuteAsync(operation, cancellationToken))[0];

    /// <summary>
    /// Sends <paramref name="inputs"/> in batches of <see cref="EwsClientOptions.BatchSize"/>, one after another, and
    /// joins the results in input order. A failure names how many inputs earlier batches completed.
    /// </summary>
    private async Task<IReadOnlyList<EwsResult<T>>> ExecuteBatchedAsync<TInput, T>(
        IReadOnlyList<TInput> inputs, Func<IReadOnlyList<TInput>, EwsOperation<T>> operationFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return [];
        }

        var batchSize = _executor.Options.BatchSize;
        if (inputs.Count <= batchSize)
        {
            return await ExecuteAsync(operationFor(inputs), cancellationToken);
        }

        var results = new List<EwsResult<T>>(inputs.Count);
        for (var offset = 0; offset < inputs.Count; offset += batchSize)
        {
            var batch = inputs.Skip(offset).Take(batchSize).ToArray();
            try
            {
                results.AddRange(await ExecuteAsync(operationFor(batch), cancellationToken));
            }
            catch (EwsException ex)
            {
                ex.CompletedInputCount = offset;
                throw;
            }
        }

        return results;
    }
}
