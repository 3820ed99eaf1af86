namespace MailShadow.Admin.Client;

/// <summary>Nothing answered at the admin API's address (refused, unreachable, TLS failed, or no answer in time).</summary>
public sealed class AdminApiUnavailableException : AdminApiException
{
    public AdminApiUnavailableException(Uri url, string reason, Exception? innerException = null)
        : base(url, null, $"the admin API at {url} cannot be reached: {reason}", innerException)
    {
    }

    public AdminApiUnavailableException()
    {
    }

    public AdminApiUnavailableException(string message)
        : base(message)
    {
    }

    public AdminApiUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
