using MailShadow.Model;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Tests.Support;

/// <summary>Items as each site holds them: the same message has other ids, received times and sizes on the two sites.</summary>
internal static class Mail
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A transaction id for message <paramref name="n"/>, stable across calls.</summary>
    public static TransactionId Tx(int n) => new(new Guid(n, 0x4d53, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, 1));

    /// <summary>Message <paramref name="n"/> as the appliance delivered it to <paramref name="site"/>: header, Message-ID, site's own time and size.</summary>
    public static ItemSnapshot Delivered(string site, int n, ItemProperties? properties = null) => new($"{site}:m{n}", "")
    {
        TransactionHeader = Tx(n).ToString(),
        InternetMessageId = $"<m{n}@example.test>",
        Received = Start.AddMinutes(n).AddSeconds(site.Length),
        Size = 4000 + n + site.Length,
        Properties = properties ?? ItemProperties.Default,
    };

    /// <summary>Message <paramref name="n"/> as a restore or a full-fidelity migration left it: no header, identical time and size on both sites.</summary>
    public static ItemSnapshot Migrated(string site, int n, ItemProperties? properties = null) => new($"{site}:r{n}", "")
    {
        InternetMessageId = $"<r{n}@example.test>",
        Received = Start.AddDays(-30).AddMinutes(n),
        Size = 9000 + n,
        Properties = properties ?? ItemProperties.Default,
    };

    /// <summary>An item with no key at all (a draft without Message-ID, a note).</summary>
    public static ItemSnapshot Bare(string id, ItemProperties? properties = null) => new(id, "") { Properties = properties ?? ItemProperties.Default };

    public static ItemProperties Props(bool read = false, MessageFlag flag = MessageFlag.NotFlagged, MessageImportance importance = MessageImportance.Normal, params string[] categories) =>
        new(read, flag, categories, importance);
}
