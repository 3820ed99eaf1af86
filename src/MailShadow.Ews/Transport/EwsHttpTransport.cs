using System.Net.Http.Headers;
using System.Text;

namespace MailShadow.Ews.Transport;

/// <summary>Posts SOAP request bodies to one EWS endpoint; knows nothing of their content.</summary>
internal sealed class EwsHttpTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly AuthenticationHeaderValue? _basic;
    private readonly ProductInfoHeaderValue? _userAgent;

    public EwsHttpTransport(EwsClientOptions options)
    {
        _url = new Uri(options.Url, UriKind.Absolute);
        _http = new HttpClient(EwsHttpHandlerFactory.Create(options, _url), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.AuthMode == EwsAuthMode.Basic)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.UserName}:{options.Password}"));
            _basic = new AuthenticationHeaderValue("Basic", token);
        }

        _userAgent = ProductInfoHeaderValue.TryParse(options.UserAgent, out var agent) ? agent : null;
    }

    public Uri Url => _url;

    /// <summary>Sends one attempt and returns once the response headers have arrived; the body is read by the caller.</summary>
    public async Task<HttpResponseMessage> SendAsync(EwsRequestContent content, string? anchorMailbox, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = content,
            Version = new Version(1, 1),
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        if (_basic is not null)
        {
            request.Headers.Authorization = _basic;
        }

        if (_userAgent is not null)
        {
            request.Headers.UserAgent.Add(_userAgent);
        }

        if (anchorMailbox is not null)
        {
            // Routes the request to the server that holds the impersonated mailbox.
            request.Headers.TryAddWithoutValidation("X-AnchorMailbox", anchorMailbox);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
