using System.Text.Json;
using MailShadow.LabExchange;

namespace MailShadow.Demo;

/// <summary>Reads every lab mailbox back through the lab admin API and checks each accepted message is there exactly once.</summary>
internal static class DemoVerifier
{
    public static async Task<DemoVerification> VerifyAsync(
        IReadOnlyDictionary<string, LabExchangeServer> sites,
        IReadOnlyList<AcceptedMessage> accepted,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var perSite = new List<SiteVerification>();
        var mailboxes = accepted.SelectMany(message => message.Recipients).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var (site, server) in sites.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var copies = new Dictionary<(string Mailbox, string Id), int>();
            foreach (var mailbox in mailboxes)
            {
                var uri = new Uri(server.HttpAddress, $"/lab/mailboxes/{Uri.EscapeDataString(mailbox)}/items?folder=inbox");
                using var document = JsonDocument.Parse(await http.GetStringAsync(uri, cancellationToken));
                foreach (var item in Items(document.RootElement))
                {
                    if (item.TryGetProperty("transactionId", out var id) && id.GetString() is { Length: > 0 } text)
                    {
                        var key = (mailbox.ToLowerInvariant(), text);
                        copies[key] = copies.GetValueOrDefault(key) + 1;
                    }
                }
            }

            var expected = accepted.SelectMany(message => message.Recipients.Select(mailbox => (mailbox.ToLowerInvariant(), message.Id?.ToString() ?? ""))).ToArray();
            var missing = expected.Count(key => !copies.ContainsKey(key));
            var duplicated = copies.Values.Count(count => count > 1);
            perSite.Add(new SiteVerification(site, expected.Length, expected.Length - missing, missing, duplicated));
        }

        return new DemoVerification(perSite);
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement root) => root.EnumerateArray();
}

/// <summary>The result of reading both sites back.</summary>
internal sealed record DemoVerification(IReadOnlyList<SiteVerification> Sites)
{
    public bool AllExactlyOnce => Sites.All(site => site.Missing == 0 && site.Duplicated == 0);
}

/// <summary>Mailbox copies expected and found on one site.</summary>
internal sealed record SiteVerification(string Site, int Expected, int Found, int Missing, int Duplicated);
