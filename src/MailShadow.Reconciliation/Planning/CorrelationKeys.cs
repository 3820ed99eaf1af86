using System.Globalization;
using MailShadow.Model;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// How an item is recognised on both sites, in the order the rules apply: the appliance's transaction-id header
/// (<c>tx:</c>); else the Internet Message-ID with received time and size (<c>mid:</c>, compared within a folder
/// first); else the correlation property the appliance stamps on items it creates, which holds the key of the item
/// it was copied from. An item with none of these is known only through the id map (<c>item:</c> and its id).
/// </summary>
public static class CorrelationKeys
{
    public const string TransactionPrefix = "tx:";
    public const string MessagePrefix = "mid:";
    public const string ItemPrefix = "item:";

    /// <summary>The key of the transaction-id header, or null when it is absent or not a transaction id.</summary>
    public static string? Transaction(ItemSnapshot item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TransactionId.TryParse(item.TransactionHeader, out var id) ? TransactionPrefix + id : null;
    }

    /// <summary>
    /// The key of the Message-ID, received time (to the second, UTC) and size, or null when any is missing. The folder is
    /// not part of the key but of the match, so a moved item keeps its key and is moved, not copied.
    /// </summary>
    public static string? Message(ItemSnapshot item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var messageId = item.InternetMessageId?.Trim();
        if (string.IsNullOrEmpty(messageId) || item.Received is not { } received || item.Size is not { } size)
        {
            return null;
        }

        var seconds = new DateTimeOffset(received.UtcTicks - (received.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return string.Create(CultureInfo.InvariantCulture, $"{MessagePrefix}{messageId}|{seconds:yyyy-MM-ddTHH:mm:ssZ}|{size}");
    }

    /// <summary>The item's own identity: its transaction key, else its message key, else null.</summary>
    public static string? Own(ItemSnapshot item) => Transaction(item) ?? Message(item);

    /// <summary>
    /// The key an item is known by, recorded in the id map and stamped into its copies: its own identity, else the key
    /// stamped on it, else its id on its site.
    /// </summary>
    public static string For(ItemSnapshot item) => Own(item) ?? Stamp(item) ?? ItemPrefix + item.Id;

    /// <summary>The stamped correlation property, or null.</summary>
    public static string? Stamp(ItemSnapshot item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stamp = item.CorrelationStamp?.Trim();
        return string.IsNullOrEmpty(stamp) ? null : stamp;
    }
}
