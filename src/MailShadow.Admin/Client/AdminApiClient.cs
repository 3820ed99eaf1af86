using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MailShadow.Admin.Contract;
using MailShadow.Admin.Hosting;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Admin.Client;

/// <summary>
/// A typed client of the admin API. Failures are exceptions by kind: <see cref="AdminApiUnavailableException"/> (nothing
/// answers at the URL), <see cref="AdminApiAuthenticationException"/> (wrong token), <see cref="AdminApiException"/>
/// (an error answer, with the problem's detail). A pass or a decision waits as long as it runs (the caller's token
/// bounds it); the other calls give up after <see cref="QueryTimeout"/>.
/// </summary>
public sealed class AdminApiClient : IDisposable
{
    /// <summary>How long the read-only calls (progress, plans, health) wait for an answer.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>A client over <paramref name="httpClient"/> (not disposed with this client; its own timeout also applies).</summary>
    public AdminApiClient(HttpClient httpClient, Uri baseAddress, string token)
        : this(httpClient, baseAddress, token, ownsHttp: false)
    {
    }

    private AdminApiClient(HttpClient httpClient, Uri baseAddress, string token, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _http = httpClient;
        _ownsHttp = ownsHttp;
        _authorization = new AuthenticationHeaderValue("Bearer", token);
        BaseAddress = baseAddress;
    }

    /// <summary>Where the API is called, e.g. <c>http://127.0.0.1:9090/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// A client for the API the options describe, as a process on the same machine reaches it (a wildcard listener
    /// through loopback). For https, a server presenting the configured certificate is trusted even when self-signed.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable by a client; the message names the key.</exception>
    public static AdminApiClient Create(AdminApiOptions options, TimeSpan? connectTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = AdminApiOptionsValidator.CollectForClient(options);
        if (errors.Count > 0 || !ListenAddress.TryParse(options.Listen, out var listen, out _))
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var handler = new SocketsHttpHandler { ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(10), UseProxy = false };
        if (listen.IsHttps && PinnedThumbprint(options) is { } pinned)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));
        }

        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new AdminApiClient(http, listen.ClientAddress(), options.Token, ownsHttp: true);
    }

    /// <summary><c>POST /admin/reconcile</c>: runs a pass and returns its report when it ends.</summary>
    public Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonContent.Create(new ReconcileApiRequest(request.Mailbox, request.Full, request.DryRun), AdminJsonContext.Default.ReconcileApiRequest);
        return SendAsync(HttpMethod.Post, "admin/reconcile", body, AdminJsonContext.Default.ReconcileReport, timeout: null, cancellationToken);
    }

    /// <summary><c>POST /admin/reconcile/decision</c>: approves or discards the mailbox's held plan.</summary>
    public Task<PlanDecisionReport> DecideAsync(string mailbox, PlanDecision decision, CancellationToken cancellationToken)
    {
        var body = JsonContent.Create(new DecisionApiRequest(mailbox, PlanDecisions.ToWire(decision)), AdminJsonContext.Default.DecisionApiRequest);
        return SendAsync(HttpMethod.Post, "admin/reconcile/decision", body, AdminJsonContext.Default.PlanDecisionReport, timeout: null, cancellationToken);
    }

    /// <summary><c>GET /admin/reconcile/progress</c>: the passes running now.</summary>
    public async Task<IReadOnlyList<PassProgress>> GetProgressAsync(CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "admin/reconcile/progress", null, AdminJsonContext.Default.PassProgressArray, QueryTimeout, cancellationToken);

    /// <summary><c>GET /admin/reconcile/plans</c>: stored plans, newest first; with <paramref name="full"/> each carries its repairs.</summary>
    public async Task<IReadOnlyList<RepairPlanSummary>> ListPlansAsync(RepairPlanQuery? query, bool full, CancellationToken cancellationToken)
    {
        var parameters = new List<string>();
        if (query?.Mailbox is { } mailbox)
        {
            parameters.Add($"mailbox={Uri.EscapeDataString(mailbox)}");
        }

        if (query?.Status is { } status)
        {
            parameters.Add($"status={status}");
        }

        if (query is not null)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"max={query.MaxCount}"));
        }

        if (full)
        {
            parameters.Add("full=true");
        }

        var path = parameters.Count == 0 ? "admin/reconcile/plans" : $"admin/reconcile/plans?{string.Join('&', parameters)}";
        return await SendAsync(HttpMethod.Get, path, null, AdminJsonContext.Default.RepairPlanSummaryArray, QueryTimeout, cancellationToken);
    }

    /// <summary><c>GET /admin/health</c>.</summary>
    public Task<HealthStatus> GetHealthAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "admin/health", null, AdminJsonContext.Default.HealthStatus, QueryTimeout, cancellationToken);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var url = new Uri(BaseAddress, path);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = _authorization;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new AdminApiAuthenticationException(url);
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = await ProblemDetailAsync(response, deadline.Token);
                throw new AdminApiException(url, (int)response.StatusCode, $"the admin API at {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(type, deadline.Token)
                    ?? throw new AdminApiException(url, (int)response.StatusCode, $"the admin API at {url} answered null.");
            }
            catch (JsonException ex)
            {
                throw new AdminApiException(url, (int)response.StatusCode, $"the answer from {url} is not the admin API's JSON: {ex.Message}", ex);
            }
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message} ({inner.Message})" : ex.Message;
            throw new AdminApiUnavailableException(url, reason, ex);
        }
        catch (IOException ex)
        {
            throw new AdminApiUnavailableException(url, ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeout is { } waited && deadline.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {waited.TotalSeconds:0} s")
                : $"no answer in time ({ex.Message})";
            throw new AdminApiUnavailableException(url, reason, ex);
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.AdminProblem, cancellationToken);
            if (!string.IsNullOrEmpty(problem?.Detail))
            {
                return problem.Detail;
            }
        }
        catch (JsonException)
        {
        }

        return "no problem details (is this the MailShadow admin API?).";
    }

    private static string? PinnedThumbprint(AdminApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath) || !File.Exists(options.CertificatePath))
        {
            return null;
        }

        try
        {
            using var certificate = AdminCertificateLoader.Load(options.CertificatePath, options.CertificatePassword);
            return certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Without the file the server's certificate must be trusted the ordinary way.
            return null;
        }
    }
}
