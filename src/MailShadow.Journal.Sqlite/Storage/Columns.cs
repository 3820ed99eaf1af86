using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>How values are stored in columns, in one place so writer and readers agree.</summary>
internal static class Columns
{
    /// <summary>Mailbox addresses cannot contain a line break, so it separates them.</summary>
    internal const char MailboxSeparator = '\n';

    public static byte[] IdBytes(TransactionId id)
    {
        var bytes = new byte[16];
        id.Value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    public static TransactionId ReadId(SqliteDataReader reader, int ordinal)
    {
        // GetBytes copies from the row already in hand; GetStream would open an incremental blob handle per value.
        var bytes = new byte[16];
        if (reader.GetBytes(ordinal, 0, bytes, 0, bytes.Length) < bytes.Length)
        {
            throw new EndOfStreamException("A stored transaction id is shorter than 16 bytes.");
        }

        return new TransactionId(new Guid(bytes, bigEndian: true));
    }

    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset Time(SqliteDataReader reader, int ordinal) => Time(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    public static string? NullableText(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static object Nullable(string? value) => value is null ? DBNull.Value : value;

    public static object Nullable(DateTimeOffset? value) => value is { } time ? Ticks(time) : DBNull.Value;

    /// <summary>Lower-cases, trims and de-duplicates, keeping first-seen order.</summary>
    public static string JoinMailboxes(IReadOnlyList<string> mailboxes)
    {
        if (mailboxes.Count == 0)
        {
            return "";
        }

        var seen = new List<string>(mailboxes.Count);
        foreach (var mailbox in mailboxes)
        {
            ArgumentNullException.ThrowIfNull(mailbox, nameof(mailboxes));
            if (mailbox.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException("A mailbox address cannot contain a line break.", nameof(mailboxes));
            }

            var normalized = mailbox.Trim().ToLowerInvariant();
            if (normalized.Length > 0 && !seen.Contains(normalized))
            {
                seen.Add(normalized);
            }
        }

        return string.Join(MailboxSeparator, seen);
    }

    public static IReadOnlyList<string> SplitMailboxes(string joined) =>
        joined.Length == 0 ? [] : joined.Split(MailboxSeparator);
}
