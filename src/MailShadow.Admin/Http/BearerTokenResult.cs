namespace MailShadow.Admin.Http;

/// <summary>What a request's <c>Authorization</c> header amounted to.</summary>
internal enum BearerTokenResult
{
    Valid,
    Missing,
    NotBearer,
    Wrong,
}
