using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Model.Smtp;

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>
/// Keeps the per-recipient outcomes of a message on one site across attempts and decides the site state. Pure:
/// no I/O, no clock.
/// </summary>
internal static class DeliveryLedger
{
    /// <summary>The recipients an attempt must still send to: neither delivered nor refused for good.</summary>
    public static IReadOnlyList<string> Outstanding(IReadOnlyList<string> recipients, DeliveryDetail? previous)
    {
        var known = Index(previous);
        var outstanding = new List<string>(recipients.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in recipients)
        {
            if (!seen.Add(recipient))
            {
                continue;
            }

            if (!known.TryGetValue(recipient, out var outcome) || (!outcome.Delivered && !outcome.Permanent))
            {
                outstanding.Add(recipient);
            }
        }

        return outstanding;
    }

    /// <summary>Folds an attempt's results into the outcomes so far; a final outcome never changes again.</summary>
    public static DeliveryDetail Merge(IReadOnlyList<string> recipients, DeliveryDetail? previous, IReadOnlyList<RecipientResult> attempt)
    {
        var known = Index(previous);
        var results = new Dictionary<string, RecipientResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in attempt)
        {
            results.TryAdd(result.Recipient, result);
        }

        var merged = new List<RecipientOutcome>(recipients.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in recipients)
        {
            if (!seen.Add(recipient))
            {
                continue;
            }

            known.TryGetValue(recipient, out var before);
            if (before is { Delivered: true } or { Permanent: true })
            {
                merged.Add(before);
            }
            else if (results.TryGetValue(recipient, out var now))
            {
                merged.Add(new RecipientOutcome(
                    recipient,
                    Delivered: now.Disposition == RecipientDisposition.Delivered,
                    Permanent: now.Disposition == RecipientDisposition.Permanent,
                    now.Reply));
            }
            else
            {
                merged.Add(before ?? new RecipientOutcome(recipient, Delivered: false, Permanent: false, Reply: null));
            }
        }

        return new DeliveryDetail(merged);
    }

    /// <summary>Every recipient still outstanding fails for good with <paramref name="reason"/> (expiry, attempt limit).</summary>
    public static DeliveryDetail GiveUp(DeliveryDetail detail, string reason) =>
        new([.. detail.Recipients.Select(r => r.Delivered || r.Permanent
            ? r
            : r with { Permanent = true, Reply = r.Reply is null ? reason : $"{reason} (last reply: {r.Reply})" })]);

    /// <summary>What the outcomes add up to on the site.</summary>
    public static SiteVerdict Decide(DeliveryDetail detail)
    {
        var outstanding = detail.Recipients.Where(r => !r.Delivered && !r.Permanent).ToList();
        var refused = detail.Recipients.Where(r => r.Permanent && !r.Delivered).ToList();
        if (outstanding.Count > 0)
        {
            var last = outstanding.Select(r => r.Reply).FirstOrDefault(reply => reply is not null) ?? "not attempted";
            return new SiteVerdict(SiteVerdictKind.Retry, detail, last, refused.Count > 0);
        }

        if (detail.Recipients.Any(r => r.Delivered))
        {
            return new SiteVerdict(SiteVerdictKind.Applied, detail, null, refused.Count > 0);
        }

        var reason = string.Join("; ", refused.Select(r => $"{r.Recipient}: {r.Reply}"));
        return new SiteVerdict(SiteVerdictKind.Failed, detail, reason, PermanentFailures: true);
    }

    private static Dictionary<string, RecipientOutcome> Index(DeliveryDetail? detail)
    {
        var index = new Dictionary<string, RecipientOutcome>(StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in detail?.Recipients ?? [])
        {
            index.TryAdd(outcome.Recipient, outcome);
        }

        return index;
    }
}
