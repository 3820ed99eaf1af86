using System.Text.Json;

namespace MailShadow.Reconciliation.Passes;

/// <summary>Reads what the replicator recorded about an applied repair.</summary>
internal static class RepairDetail
{
    /// <summary>The <c>bytesCopied</c> of a repair's detail document, or 0 when it has none.</summary>
    public static long BytesCopied(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return 0;
        }

        try
        {
            using var document = JsonDocument.Parse(detail);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("bytesCopied", out var bytes)
                && bytes.TryGetInt64(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
