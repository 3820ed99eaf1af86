using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace MailShadow.Admin.Http;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c>. Both tokens are hashed first so the constant-time comparison
/// also hides the expected token's length.
/// </summary>
internal sealed class BearerTokenCheck(string token)
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public BearerTokenResult Check(StringValues authorization)
    {
        if (authorization.Count == 0 || string.IsNullOrWhiteSpace(authorization[0]))
        {
            return BearerTokenResult.Missing;
        }

        var value = authorization[0]!;
        if (authorization.Count > 1 || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return BearerTokenResult.NotBearer;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(value[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected) ? BearerTokenResult.Valid : BearerTokenResult.Wrong;
    }
}
