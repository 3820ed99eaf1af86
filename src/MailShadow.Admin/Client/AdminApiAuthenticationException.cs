namespace MailShadow.Admin.Client;

/// <summary>The admin API refused the token (401): it is not the appliance's <c>MailShadow:Admin:Token</c>.</summary>
public sealed class AdminApiAuthenticationException : AdminApiException
{
    public AdminApiAuthenticationException(Uri url)
        : base(url, 401, $"the admin API at {url} refused the token (401 Unauthorized): it is not the appliance's {AdminApiOptions.SectionName}:Token.")
    {
    }

    public AdminApiAuthenticationException()
    {
    }

    public AdminApiAuthenticationException(string message)
        : base(message)
    {
    }

    public AdminApiAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
