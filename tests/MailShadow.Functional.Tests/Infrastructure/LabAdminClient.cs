using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>The lab Exchange's admin API, as the tests use it to look inside a site and inject faults.</summary>
internal sealed class LabAdminClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<LabItem>> ItemsAsync(string mailbox, string folder = "inbox")
    {
        var json = await _http.GetStringAsync($"lab/mailboxes/{Uri.EscapeDataString(mailbox)}/items?folder={folder}");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("items");
        return [.. items.EnumerateArray().Select(LabItem.From)];
    }

    public async Task<byte[]> MimeAsync(string mailbox, string itemId) =>
        await _http.GetByteArrayAsync($"lab/mailboxes/{Uri.EscapeDataString(mailbox)}/items/{Uri.EscapeDataString(itemId)}/mime");

    public async Task SetFaultAsync(object fault)
    {
        using var response = await _http.PostAsJsonAsync("lab/faults", fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetEwsFaultsAsync(object faults)
    {
        using var response = await _http.PostAsJsonAsync("lab/faults/ews", faults);
        Assert.True(response.IsSuccessStatusCode, $"POST /lab/faults/ews: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Makes the site reject every EWS sync state it issued for the mailbox, as a mailbox move does.</summary>
    public async Task InvalidateSyncStatesAsync(string mailbox)
    {
        using var response = await _http.PostAsync($"lab/mailboxes/{Uri.EscapeDataString(mailbox)}/invalidate-sync-states", content: null);
        Assert.True(response.IsSuccessStatusCode, $"invalidate-sync-states: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _http.DeleteAsync("lab/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls until the mailbox holds at least <paramref name="count"/> items, or the time is up.</summary>
    public async Task<IReadOnlyList<LabItem>> WaitForItemsAsync(string mailbox, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<LabItem> items = [];
        while (DateTime.UtcNow < deadline)
        {
            items = await ItemsAsync(mailbox);
            if (items.Count >= count)
            {
                return items;
            }

            await Task.Delay(200);
        }

        return items;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One item as the lab admin API lists it.</summary>
internal sealed record LabItem(string Id, string? TransactionId, string? Subject, string? InternetMessageId, DateTimeOffset? ReceivedAt)
{
    public static LabItem From(JsonElement element) => new(
        element.GetProperty("id").GetString()!,
        Text(element, "transactionId"),
        Text(element, "subject"),
        Text(element, "internetMessageId"),
        element.TryGetProperty("receivedAt", out var received) && received.ValueKind == JsonValueKind.String ? received.GetDateTimeOffset() : null);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Splits the appliance's trace headers off a delivered copy, to compare it with what the client sent.</summary>
internal static class TraceHeaderStripper
{
    /// <summary>
    /// The appliance prepends exactly two header fields (Received, X-MailShadow-Transaction-Id) to the bytes it
    /// accepted; everything after them must be byte-identical.
    /// </summary>
    public static byte[] Strip(byte[] delivered)
    {
        var offset = 0;
        for (var field = 0; field < 2; field++)
        {
            offset = EndOfField(delivered, offset);
        }

        return delivered[offset..];
    }

    private static int EndOfField(byte[] bytes, int start)
    {
        var position = start;
        while (true)
        {
            var lineEnd = Array.IndexOf(bytes, (byte)'\n', position);
            if (lineEnd < 0)
            {
                throw new InvalidDataException("no complete header field: " + Encoding.ASCII.GetString(bytes, start, Math.Min(200, bytes.Length - start)));
            }

            position = lineEnd + 1;

            // A folded continuation line starts with whitespace.
            if (position >= bytes.Length || (bytes[position] != (byte)' ' && bytes[position] != (byte)'\t'))
            {
                return position;
            }
        }
    }
}
