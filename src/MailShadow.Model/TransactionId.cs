using System.Diagnostics.CodeAnalysis;

namespace MailShadow.Model;

/// <summary>
/// The stable identity of one journal transaction. It is a time-ordered UUID (version 7) so that
/// ids from two appliances never collide and still sort roughly by creation; it travels into every
/// delivered copy in the <see cref="TraceHeaders.TransactionId"/> header.
/// </summary>
public readonly record struct TransactionId(Guid Value)
{
    public static TransactionId New() => new(Guid.CreateVersion7());

    public static TransactionId New(DateTimeOffset timestamp) => new(Guid.CreateVersion7(timestamp));

    public static TransactionId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a transaction id.");

    public static bool TryParse([NotNullWhen(true)] string? text, out TransactionId id)
    {
        if (Guid.TryParseExact(text?.Trim(), "N", out var guid) || Guid.TryParse(text?.Trim(), out guid))
        {
            id = new TransactionId(guid);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>32 lowercase hex digits: short, header-safe, and what operators paste into <c>mailshadow tx</c>.</summary>
    public override string ToString() => Value.ToString("N");
}
