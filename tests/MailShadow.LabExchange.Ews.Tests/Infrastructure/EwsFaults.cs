using System.Net.Http.Json;
using System.Text.Json;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>The EWS section of the lab admin API, as a test drives it over HTTP.</summary>
internal static class EwsFaults
{
    public static async Task SetAsync(HttpClient http, params object[] rules)
    {
        using var response = await http.PostAsJsonAsync("lab/faults/ews", new { rules });
        Assert.True(response.IsSuccessStatusCode, $"POST /lab/faults/ews: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> GetAsync(HttpClient http)
    {
        var json = await http.GetStringAsync("lab/faults/ews");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static async Task ClearAsync(HttpClient http)
    {
        using var response = await http.DeleteAsync("lab/faults/ews");
        response.EnsureSuccessStatusCode();
    }
}
