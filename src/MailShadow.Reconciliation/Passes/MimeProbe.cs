using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Passes;

/// <summary>
/// Reads the MIME of every item a plan would copy and marks each copy with whether it parses, so the corruption
/// firewall can hold the mailbox's plan before anything is applied (the applier checks again and never copies what
/// does not parse). It costs a second read of the copied items' content, which is why it runs only while the
/// firewall's <c>HoldOnUnparseableMime</c> rule is on.
/// </summary>
internal static class MimeProbe
{
    private static readonly ItemShape _mimeShape = ItemShape.IdOnly with { IncludeMimeContent = true };

    /// <summary>The plan with each unchecked copy marked, and the EWS calls it took.</summary>
    public static async Task<(RepairPlan Plan, int Calls)> CheckAsync(RepairPlan plan, EwsClient active, CancellationToken cancellationToken)
    {
        var toCheck = plan.OfType<CopyItemRepair>().Where(copy => copy.MimeParses is null).Select(copy => copy.ActiveItemId).Distinct(StringComparer.Ordinal).ToList();
        if (toCheck.Count == 0)
        {
            return (plan, 0);
        }

        var parses = new Dictionary<string, bool>(StringComparer.Ordinal);
        var calls = 0;
        foreach (var batch in toCheck.Chunk(Math.Max(1, Math.Min(active.BatchSize, 50))))
        {
            var results = await active.GetItemAsync(new GetItemRequest([.. batch.Select(id => new ItemId(id))]) { Shape = _mimeShape }, cancellationToken);
            calls++;
            for (var i = 0; i < results.Count && i < batch.Length; i++)
            {
                // An item gone since the read stays unknown: the applier skips its copy.
                if (results[i].Value is { } item)
                {
                    parses[batch[i]] = item.MimeContent is { } mime && MimeCheck.Problem(mime.Content) is null;
                }
            }
        }

        var repairs = plan.Repairs.Select(repair => repair is CopyItemRepair copy && copy.MimeParses is null && parses.TryGetValue(copy.ActiveItemId, out var ok)
            ? copy with { MimeParses = ok }
            : repair).ToList();
        return (plan with { Repairs = repairs }, calls);
    }
}
