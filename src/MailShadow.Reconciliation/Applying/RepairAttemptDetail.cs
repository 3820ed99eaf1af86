using System.Text.Json;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// The detail JSON the replicator keeps with a repair's site state. <c>ambiguous</c> survives a retry and a restart:
/// the journal clears its own ambiguity mark on every update, but an attempt whose answer was lost stays uncertain
/// until the next attempt has checked the passive side.
/// </summary>
internal static class RepairAttemptDetail
{
    public static string Ambiguous() => """{"ambiguous":true}""";

    public static string Copied(long bytes) => $$"""{"bytesCopied":{{bytes}}}""";

    public static bool IsAmbiguous(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(detail);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("ambiguous", out var value)
                && value.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
