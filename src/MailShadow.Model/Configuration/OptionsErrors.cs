namespace MailShadow.Model.Configuration;

/// <summary>
/// Collects every configuration error of a section, each naming its full key, so one start-up reports all
/// of them at once instead of one per attempt.
/// </summary>
public sealed class OptionsErrors
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string key, string message) => _errors.Add($"{key}: {message}");

    public void RequireEndpoint(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "is required (host:port).");
        }
        else if (!HostPort.TryParse(value, out _))
        {
            Add(key, $"'{value}' is not an endpoint; write host:port, for example 127.0.0.1:2525.");
        }
    }

    public void RequireHttpUrl(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "is required (an http:// or https:// URL).");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(key, $"'{value}' is not an http:// or https:// URL.");
        }
    }

    public void RequirePositive(string key, long value)
    {
        if (value <= 0)
        {
            Add(key, $"must be greater than zero (is {value}).");
        }
    }

    public void RequirePositive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            Add(key, $"must be a positive duration such as 00:00:30 (is {value}).");
        }
    }

    public void RequireOneOf(string key, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            Add(key, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        }
    }
}
