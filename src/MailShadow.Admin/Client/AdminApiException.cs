namespace MailShadow.Admin.Client;

/// <summary>The admin API answered with an error (the problem document's detail is the message), or with something that is not its JSON.</summary>
public class AdminApiException : Exception
{
    public AdminApiException(Uri url, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
        StatusCode = statusCode;
    }

    public AdminApiException()
        : this("The admin API request failed.")
    {
    }

    public AdminApiException(string message)
        : base(message)
    {
        Url = new Uri("about:blank");
    }

    public AdminApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = new Uri("about:blank");
    }

    /// <summary>The URL called.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status, or null when there was no answer.</summary>
    public int? StatusCode { get; }
}
