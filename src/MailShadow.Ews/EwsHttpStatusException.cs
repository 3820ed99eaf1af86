using System.Net;

namespace MailShadow.Ews;

/// <summary>
/// The server answered with an HTTP error that carried no SOAP fault: 401/403 (credentials or rights), 429/503
/// (throttled, after the allowed retries), 404, or a gateway error.
/// </summary>
public sealed class EwsHttpStatusException : EwsException
{
    public EwsHttpStatusException()
        : this(HttpStatusCode.InternalServerError, null)
    {
    }

    public EwsHttpStatusException(string message)
        : base(message)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public EwsHttpStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public EwsHttpStatusException(HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base(Describe(statusCode, retryAfter))
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The wait the server asked for (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    public override bool IsTransient => StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)StatusCode >= 500;

    private static string Describe(HttpStatusCode statusCode, TimeSpan? retryAfter)
    {
        var reason = statusCode switch
        {
            HttpStatusCode.Unauthorized => "the credentials were rejected",
            HttpStatusCode.Forbidden => "access was denied",
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => "the server is throttling or unavailable",
            HttpStatusCode.NotFound => "the EWS URL was not found",
            _ => "the server answered with an error",
        };
        var wait = retryAfter is { } delay ? $"; it asked to retry after {delay.TotalSeconds:0.###} s" : "";
        return $"HTTP {(int)statusCode}: {reason}{wait}.";
    }
}
