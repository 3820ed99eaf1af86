using System.Net;
using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol;
using Microsoft.Extensions.Logging;

namespace MailShadow.Ews.Transport;

/// <summary>
/// Runs an operation against the site: writes the envelope once, sends it, reads the answer, and repeats the attempt
/// when <see cref="EwsRetryPolicy"/> says that is safe. Also keeps the latest <c>ServerVersionInfo</c>.
/// </summary>
internal sealed class EwsRequestExecutor : IDisposable
{
    private readonly EwsClientOptions _options;
    private readonly EwsHttpTransport _transport;
    private readonly EwsRetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly XmlReaderSettings _readerSettings;
    private readonly string _requestServerVersion;
    private ServerVersionInfo? _serverVersion;

    public EwsRequestExecutor(EwsClientOptions options, TimeProvider time, ILogger logger, string site)
    {
        _options = options;
        _time = time;
        _logger = logger;
        Site = site;
        _transport = new EwsHttpTransport(options);
        _policy = new EwsRetryPolicy(options);
        _readerSettings = EwsXmlReaderSettings.Create(options.MaxResponseCharacters);
        _requestServerVersion = options.RequestServerVersion.ToRequestServerVersion();
        Log.ClientCreated(logger, site, _transport.Url, options.RequestServerVersion, _requestServerVersion, options.AuthMode);
    }

    public string Site { get; }

    public EwsClientOptions Options => _options;

    public ServerVersionInfo? ServerVersion => Volatile.Read(ref _serverVersion);

    public async Task<IReadOnlyList<EwsResult<T>>> ExecuteAsync<T>(EwsOperation<T> operation, string? impersonate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = SoapEnvelopeWriter.Write(operation, new EwsRequestHeaders(_requestServerVersion, impersonate, NullIfEmpty(_options.TimeZoneId)));
        for (var attempt = 1; ; attempt++)
        {
            var (messages, failure) = await AttemptAsync(operation, body, impersonate, attempt, cancellationToken);

            // The caller goes on to work with the answer (planning, MIME checks over a batch of items), which can take
            // a while: that runs on the thread pool, not on the socket thread that may have completed the read.
            await Task.Yield();
            if (failure is null)
            {
                return messages!;
            }

            var decision = _policy.Decide(operation.IsMutating, failure, attempt, messages is not null);
            switch (decision.Action)
            {
                case EwsRetryAction.Retry:
                    Log.Retrying(_logger, operation.Name, Site, attempt, failure.Kind.ToString(), failure.Error.Message, (long)decision.Delay.TotalMilliseconds);
                    await Task.Delay(decision.Delay, _time, cancellationToken);
                    continue;
                case EwsRetryAction.ReturnMessages:
                    Log.GaveUp(_logger, operation.Name, Site, attempt, failure.Kind.ToString(), failure.Error.Message);
                    return messages!;
                default:
                    var error = decision.Error!;
                    error.Operation = operation.Name;
                    error.Attempts = attempt;
                    if (error is EwsOutcomeUnknownException)
                    {
                        Log.OutcomeUnknown(_logger, operation.Name, Site, failure.Kind.ToString(), failure.Error.Message);
                    }
                    else if (failure.ServerDelay is { } asked && asked > _options.MaxServerBackOff)
                    {
                        Log.BackOffTooLong(_logger, operation.Name, Site, (long)asked.TotalMilliseconds);
                    }
                    else
                    {
                        Log.GaveUp(_logger, operation.Name, Site, attempt, failure.Kind.ToString(), failure.Error.Message);
                    }

                    throw error;
            }
        }
    }

    private async Task<(IReadOnlyList<EwsResult<T>>? Messages, EwsAttemptFailure? Failure)> AttemptAsync<T>(
        EwsOperation<T> operation, byte[] body, string? impersonate, int attempt, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var content = new EwsRequestContent(body);
        HttpResponseMessage response;
        try
        {
            response = await _transport.SendAsync(content, impersonate, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return (null, SendFailure(content, timeout.IsCancellationRequested, ex));
        }

        using (response)
        {
            try
            {
                var result = await ReadAsync(operation, response, linked.Token);
                if (result.Failure is null)
                {
                    var elapsed = _time.GetElapsedTime(started);
                    Log.Completed(_logger, operation.Name, Site, response.StatusCode, result.Messages!.Count, elapsed, attempt);
                }

                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (EwsProtocolException ex)
            {
                Log.ResponseRejected(_logger, operation.Name, Site, ex.Message);
                return response.StatusCode == HttpStatusCode.OK
                    ? (null, new EwsAttemptFailure(EwsFailureKind.Unreadable, ex))
                    : (null, new EwsAttemptFailure(EwsFailureKind.ServerError, new EwsHttpStatusException(response.StatusCode, null)));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                var reason = timeout.IsCancellationRequested
                    ? $"no complete response within RequestTimeout ({_options.RequestTimeout})"
                    : "the connection was lost while the response was read";
                return (null, new EwsAttemptFailure(EwsFailureKind.ResponseLost, new EwsConnectionException($"The request was sent, but {reason}.", ex)));
            }
        }
    }

    private EwsAttemptFailure SendFailure(EwsRequestContent content, bool timedOut, Exception ex)
    {
        if (content.WasWrittenWhole)
        {
            var reason = timedOut ? $"no response within RequestTimeout ({_options.RequestTimeout})" : "the connection failed before a response arrived";
            return new EwsAttemptFailure(EwsFailureKind.ResponseLost, new EwsConnectionException($"The request was sent, but {reason}.", ex));
        }

        var why = timedOut ? $"the connection could not be made within RequestTimeout ({_options.RequestTimeout})" : ex.Message;
        return new EwsAttemptFailure(EwsFailureKind.NotSent, new EwsConnectionException($"The request did not reach {_transport.Url.Host}: {why}", ex));
    }

    private async Task<(IReadOnlyList<EwsResult<T>>? Messages, EwsAttemptFailure? Failure)> ReadAsync<T>(
        EwsOperation<T> operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            var wait = RetryAfter.From(response.Headers, _time.GetUtcNow());
            return (null, new EwsAttemptFailure(EwsFailureKind.Throttled, new EwsHttpStatusException(status, wait), wait));
        }

        var isXml = response.Content.Headers.ContentType?.MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true;
        if (status != HttpStatusCode.OK && !(status == HttpStatusCode.InternalServerError && isXml))
        {
            var kind = status is HttpStatusCode.RequestTimeout || (int)status >= 500 ? EwsFailureKind.ServerError : EwsFailureKind.Rejected;
            return (null, new EwsAttemptFailure(kind, new EwsHttpStatusException(status, RetryAfter.From(response.Headers, _time.GetUtcNow()))));
        }

        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxResponseBytes)
        {
            throw new EwsProtocolException($"The response announces {length} bytes, more than the configured limit of {_options.MaxResponseBytes} (MaxResponseBytes).");
        }

        await using var raw = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var limited = new LimitedReadStream(raw, _options.MaxResponseBytes, cancellationToken);
        var parsed = await SoapEnvelopeReader.ReadAsync(limited, operation, _readerSettings);
        NoteServerVersion(parsed.ServerVersion);

        if (parsed.Fault is { } fault)
        {
            var kind = fault.ResponseCode switch
            {
                EwsResponseCodes.ErrorServerBusy => EwsFailureKind.ServerBusy,
                EwsResponseCodes.ErrorInternalServerError or EwsResponseCodes.ErrorInternalServerTransientError
                    or EwsResponseCodes.ErrorTimeoutExpired => EwsFailureKind.FaultDuringProcessing,
                var code when EwsResponseCodes.IsTransient(code) => EwsFailureKind.TransientFault,
                _ => EwsFailureKind.Rejected,
            };
            return (null, new EwsAttemptFailure(kind, fault.ToException(), kind == EwsFailureKind.ServerBusy ? fault.BackOff : null));
        }

        var messages = parsed.Messages!;
        if (status != HttpStatusCode.OK)
        {
            throw new EwsProtocolException($"HTTP {(int)status} carried response messages instead of a fault.");
        }

        if (operation.ExpectedMessageCount is { } expected && messages.Count != expected)
        {
            throw new EwsProtocolException($"Expected {expected} response message(s) for {operation.Name}, got {messages.Count}.");
        }

        return IsServerBusy(messages, operation.IsMutating, out var backOff)
            ? (messages, new EwsAttemptFailure(EwsFailureKind.ServerBusy, new EwsResponseException(
                messages.First(m => m.ResponseCode == EwsResponseCodes.ErrorServerBusy), "The server is busy."), backOff))
            : (messages, null);
    }

    /// <summary>
    /// A whole response to retry: for a mutating call only when every message is ErrorServerBusy (then nothing was
    /// done); for a read when any is.
    /// </summary>
    private static bool IsServerBusy<T>(IReadOnlyList<EwsResult<T>> messages, bool isMutating, out TimeSpan? backOff)
    {
        backOff = null;
        var busy = 0;
        foreach (var message in messages)
        {
            if (message.ResponseCode == EwsResponseCodes.ErrorServerBusy)
            {
                busy++;
                if (message.BackOff is { } wait && (backOff is null || wait > backOff))
                {
                    backOff = wait;
                }
            }
        }

        return busy > 0 && (!isMutating || busy == messages.Count);
    }

    private void NoteServerVersion(ServerVersionInfo? version)
    {
        if (version is null)
        {
            return;
        }

        var previous = Interlocked.Exchange(ref _serverVersion, version);
        if (previous != version)
        {
            Log.ServerVersion(_logger, Site, version);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose() => _transport.Dispose();
}
