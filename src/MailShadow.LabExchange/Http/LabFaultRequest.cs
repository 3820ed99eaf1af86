using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailShadow.LabExchange.Http;

/// <summary>
/// The body of <c>POST /lab/faults</c>: <c>{"smtp": "tempfail", "reply": "451 …", "at": "data"}</c>. The field naming
/// the kind says which protocol the fault is for; <c>kind</c> is accepted for <c>smtp</c>. See docs/lab-exchange.md.
/// </summary>
internal sealed class LabFaultRequest
{
    public string? Smtp { get; set; }

    public string? Kind { get; set; }

    public string? Reply { get; set; }

    public string? At { get; set; }

    public IReadOnlyList<string>? Recipients { get; set; }

    public bool? Store { get; set; }

    public int? Times { get; set; }

    /// <summary>Fields the API does not know, so that a misspelt one is an error rather than silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
