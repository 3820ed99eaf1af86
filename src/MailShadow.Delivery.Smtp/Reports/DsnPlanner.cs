using System.Text.Json;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Smtp;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>
/// Decides, from a transaction's state on every site, which recipients the sender must be told about: those
/// refused for good on every site that was not skipped, once every such site is final. Pure.
/// </summary>
internal static class DsnPlanner
{
    public static IReadOnlyList<FailedRecipient> FailedEverywhere(TransactionRecord record, SmtpEnvelope envelope)
    {
        if (envelope.Sender is null)
        {
            return [];
        }

        var sites = record.Sites.Where(site => site.State != SiteState.Skipped).ToList();
        if (sites.Count == 0 || sites.Any(site => !site.State.IsFinal()))
        {
            return [];
        }

        var details = sites.Select(site => (Site: site, Detail: ReadDetail(site.Detail))).ToList();
        var failed = new List<FailedRecipient>();
        foreach (var recipient in envelope.Recipients.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var refusals = new List<SiteRefusal>(details.Count);
            foreach (var (site, detail) in details)
            {
                var outcome = detail?.Recipients.FirstOrDefault(r => string.Equals(r.Recipient, recipient, StringComparison.OrdinalIgnoreCase));
                if (outcome is { Permanent: true, Delivered: false })
                {
                    refusals.Add(new SiteRefusal(site.Site, outcome.Reply ?? site.Reason ?? "refused", site.UpdatedAt));
                }
                else if (outcome is null && site.State == SiteState.Failed)
                {
                    // Failed without per-recipient detail (set by an operator, or a malformed message): all refused.
                    refusals.Add(new SiteRefusal(site.Site, site.Reason ?? "failed", site.UpdatedAt));
                }
                else
                {
                    break;
                }
            }

            if (refusals.Count == details.Count)
            {
                failed.Add(new FailedRecipient(recipient, refusals));
            }
        }

        return failed;
    }

    private static DeliveryDetail? ReadDetail(string? json)
    {
        try
        {
            return DeliveryDetail.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
