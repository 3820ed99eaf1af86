using System.Diagnostics;
using System.Text;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Reading;
using MailShadow.LabExchange.Ews.Protocol.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>
/// Serves <c>/EWS/Exchange.asmx</c> as IIS-hosted Exchange does: Basic authentication with a 401 challenge that also
/// offers Negotiate and NTLM, SOAP faults (HTTP 500) for request-level failures, <c>ServerVersionInfo</c> on every
/// answer, and <c>text/xml; charset=utf-8</c>. Injected faults apply after authentication and parsing, so they can
/// target single operations.
/// </summary>
internal sealed class EwsHttpHandler
{
    private const string XmlContentType = "text/xml; charset=utf-8";

    private readonly EwsEndpointSettings _settings;
    private readonly IEwsOperations _operations;
    private readonly EwsFaultInjector _faults;
    private readonly EwsAuthenticator _authenticator;
    private readonly EwsImpersonationPolicy _impersonation;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EwsHttpHandler(
        EwsEndpointSettings settings,
        IEwsOperations operations,
        Func<string, bool> mailboxExists,
        EwsFaultInjector faults,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _settings = settings;
        _operations = operations;
        _faults = faults;
        _authenticator = new EwsAuthenticator(settings);
        _impersonation = new EwsImpersonationPolicy(settings, mailboxExists);
        _time = timeProvider;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var authentication = _authenticator.Authenticate(http.Request.Headers.Authorization);
        if (authentication.Account is not { } principal)
        {
            var remote = http.Connection.RemoteIpAddress;
            EwsLog.AuthenticationFailed(_logger, remote, authentication.Failure ?? "", authentication.UserName);

            await ChallengeAsync(http, cancellationToken);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await WriteServicePageAsync(http, cancellationToken);
            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, HEAD, POST";
            return;
        }

        using var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            EwsLog.RequestTooLarge(_logger, _settings.MaxRequestBytes);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var read = EwsRequestReader.Read(body, Math.Max(body.Length, 1));
        var fault = read.Fault ?? _settings.Version.Check(read.Header.RequestServerVersion);
        if (fault is not null || read.Request is not { } request)
        {
            await WriteFaultAsync(http, read.OperationName, fault ?? EwsFault.Of(EwsResponseCodes.ErrorInvalidRequest), cancellationToken);
            return;
        }

        var impersonation = _impersonation.Resolve(principal, read.Header.Impersonation);
        if (impersonation.Fault is { } refused || impersonation.Mailbox is not { } mailbox)
        {
            var refusal = impersonation.Fault ?? EwsFault.Of(EwsResponseCodes.ErrorNonExistentMailbox);
            EwsLog.ImpersonationRefused(_logger, principal.Address, read.Header.Impersonation?.Value ?? "", refusal.ResponseCode);
            await WriteFaultAsync(http, request.OperationName, refusal, cancellationToken);
            return;
        }

        var decision = _faults.Decide(request.OperationName);
        if (decision.Delay > TimeSpan.Zero)
        {
            EwsLog.FaultInjected(_logger, nameof(EwsFaultKind.Delay), request.OperationName);
            await Task.Delay(decision.Delay, _time, cancellationToken);
        }

        switch (decision.Terminal)
        {
            case EwsFaultKind.Throttle:
                EwsLog.FaultInjected(_logger, nameof(EwsFaultKind.Throttle), request.OperationName);
                await WriteFaultAsync(http, request.OperationName, EwsFault.ServerBusy(decision.BackOffMilliseconds), cancellationToken);
                return;
            case EwsFaultKind.Http500:
                EwsLog.FaultInjected(_logger, nameof(EwsFaultKind.Http500), request.OperationName);
                await WriteServerErrorPageAsync(http, cancellationToken);
                return;
        }

        var started = Stopwatch.GetTimestamp();
        var context = new EwsCallContext(principal.Address, mailbox, impersonation.IsImpersonating, cancellationToken);
        await WriteResponseAsync(http, context, request, decision, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        EwsLog.RequestHandled(_logger, request.OperationName, mailbox, principal.Address, elapsed);
    }

    private async Task WriteResponseAsync(HttpContext http, EwsCallContext context, Protocol.Requests.EwsRequest request, EwsFaultDecision decision, CancellationToken cancellationToken)
    {
        var response = EwsDispatcher.Dispatch(_operations, context, request);
        try
        {
            if (decision.Terminal == EwsFaultKind.DropConnection)
            {
                EwsLog.FaultInjected(_logger, nameof(EwsFaultKind.DropConnection), request.OperationName);
                using var whole = new MemoryStream();
                await EwsResponseWriter.WriteAsync(whole, _settings.Version.ServerVersionInfo, response, cancellationToken);
                await EwsConnectionDropper.DropAsync(http, whole.ToArray(), decision.AfterBytes, cancellationToken);
                EwsLog.ConnectionDropped(_logger, decision.AfterBytes, request.OperationName);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = XmlContentType;
            await EwsResponseWriter.WriteAsync(http.Response.Body, _settings.Version.ServerVersionInfo, response, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EwsLog.ClientGone(_logger, request.OperationName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EwsLog.OperationFailed(_logger, ex, request.OperationName);
            if (http.Response.HasStarted)
            {
                // Half an answer is already out: like Exchange failing mid-stream, the connection is cut.
                http.Abort();
                return;
            }

            await WriteFaultAsync(http, request.OperationName, EwsFault.Of(EwsResponseCodes.ErrorInternalServerError), cancellationToken);
        }
    }

    private async Task<MemoryStream?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var limit = _settings.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                await body.DisposeAsync();
                return null;
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        return body;
    }

    private async Task WriteFaultAsync(HttpContext http, string? operation, EwsFault fault, CancellationToken cancellationToken)
    {
        EwsLog.FaultAnswered(_logger, operation, fault.ResponseCode, fault.Message);
        var bytes = EwsFaultWriter.Write(fault);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = XmlContentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, cancellationToken);
    }

    private async Task ChallengeAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var realm = _settings.Realm ?? http.Request.Host.Host;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.Append("WWW-Authenticate", "Negotiate");
        http.Response.Headers.Append("WWW-Authenticate", "NTLM");
        http.Response.Headers.Append("WWW-Authenticate", $"Basic realm=\"{realm}\"");
        http.Response.ContentType = "text/html";
        var page = Encoding.UTF8.GetBytes("<html><head><title>401 - Unauthorized</title></head><body><h1>401 - Unauthorized: Access is denied due to invalid credentials.</h1></body></html>");
        http.Response.ContentLength = page.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(page, cancellationToken);
        }
    }

    private static async Task WriteServicePageAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var page = Encoding.UTF8.GetBytes("<html><head><title>Service</title></head><body><p>You have created a service.</p></body></html>");
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = page.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(page, cancellationToken);
        }
    }

    private static async Task WriteServerErrorPageAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var page = Encoding.UTF8.GetBytes("<html><head><title>500 - Internal server error.</title></head><body><h2>500 - Internal server error.</h2></body></html>");
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/html";
        http.Response.ContentLength = page.Length;
        await http.Response.Body.WriteAsync(page, cancellationToken);
    }
}
