using System.Net.Http.Headers;

namespace MailShadow.Ews.Transport;

/// <summary>Reads an HTTP <c>Retry-After</c> header, as seconds or as a date relative to now.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
