using System.Security.Cryptography;
using System.Text;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>
/// Checks Basic credentials against the configured accounts. The user name may be the SMTP address, its local part,
/// or <c>DOMAIN\local</c>, as Exchange accepts them; passwords are compared in constant time.
/// </summary>
internal sealed class EwsAuthenticator(EwsEndpointSettings settings)
{
    public EwsAuthenticationResult Authenticate(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return new EwsAuthenticationResult(null, null, "no credentials");
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization : authorization[..space];
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return new EwsAuthenticationResult(null, null, $"{scheme} authentication is not offered by the lab");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[(space + 1)..].Trim()));
        }
        catch (FormatException)
        {
            return new EwsAuthenticationResult(null, null, "malformed Basic credentials");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new EwsAuthenticationResult(null, null, "malformed Basic credentials");
        }

        var user = decoded[..colon];
        var account = Find(user);
        if (account is null || !PasswordMatches(account.Password, decoded[(colon + 1)..]))
        {
            return new EwsAuthenticationResult(null, user, "wrong user name or password");
        }

        return new EwsAuthenticationResult(account, user, null);
    }

    private EwsAccount? Find(string user)
    {
        var name = user.Contains('\\', StringComparison.Ordinal) ? user[(user.LastIndexOf('\\') + 1)..] : user;
        var accounts = settings.ServiceAccount is null ? settings.Users : [.. settings.Users, settings.ServiceAccount];
        var exact = accounts.FirstOrDefault(account => string.Equals(account.Address, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null || name.Contains('@', StringComparison.Ordinal))
        {
            return exact;
        }

        var byLocalPart = accounts.Where(account => string.Equals(LocalPart(account.Address), name, StringComparison.OrdinalIgnoreCase)).ToList();
        return byLocalPart.Count == 1 ? byLocalPart[0] : null;
    }

    private static string LocalPart(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? address : address[..at];
    }

    private static bool PasswordMatches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
