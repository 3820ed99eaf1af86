using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailShadow.LabExchange.Http;

/// <summary>
/// The body of <c>POST /lab/faults</c>: <c>{"smtp": "tempfail", "reply": "451 …", "at": "data"}</c>. The field naming
/// the kind says which protocol the fault is for; <c>kind</c> is accepted for <c>smtp</c>. See docs/lab-exchange.md.
/// </summary>
internal sealed record LabFaultRequest
{
    public string? Smtp { get; init; }

    public string? Kind { get; init; }

    public string? Reply { get; init; }

    public string? At { get; init; }

    public IReadOnlyList<string>? Recipients { get; init; }

    public bool? Store { get; init; }

    public int? Times { get; init; }

    /// <summary>Fields the API does not know, so that a misspelt one is an error rather than silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
