using System.Text;
using MailShadow.Ews.Model;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>
/// What "both mailboxes are equivalent" means to an operator: the same folders by path, and in each the same messages
/// (by Message-ID, no duplicates) with the same read state, flag, categories and importance.
/// </summary>
internal static class Equivalence
{
    public static async Task<string> DescribeAsync(SiteMailbox mailbox)
    {
        var text = new StringBuilder();
        foreach (var (path, folder) in (await mailbox.FoldersAsync()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\n');
            var lines = (await mailbox.ItemsAsync(folder.Id!)).Select(Line).Order(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    public static async Task AssertEquivalentAsync(SiteMailbox active, SiteMailbox passive)
    {
        var expected = await DescribeAsync(active);
        var actual = await DescribeAsync(passive);
        Assert.Equal(expected, actual);
        Assert.DoesNotContain("\n  \n", actual, StringComparison.Ordinal);
    }

    /// <summary>Fails when any folder holds two items with one Message-ID.</summary>
    public static async Task AssertNoDuplicatesAsync(SiteMailbox mailbox)
    {
        foreach (var (path, folder) in await mailbox.FoldersAsync())
        {
            var duplicates = (await mailbox.ItemsAsync(folder.Id!)).GroupBy(item => item.InternetMessageId).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{mailbox.Address}{path} holds duplicates of {string.Join(", ", duplicates)}");
        }
    }

    private static string Line(EwsItem item)
    {
        var categories = string.Join(",", (item.Categories ?? []).Order(StringComparer.Ordinal));
        return $"{item.InternetMessageId} {item.Subject} read={item.IsRead} flag={item.Flag?.Status} categories=[{categories}] importance={item.Importance}";
    }
}
