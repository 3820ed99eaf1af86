namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>
/// A page of a FindItem or FindFolder result: <c>IndexedPage*View</c> (an offset from the beginning or the end) or
/// <c>FractionalPage*View</c> (a fraction of the whole), with an optional page size.
/// </summary>
internal sealed record EwsPageView
{
    public int? MaxEntriesReturned { get; init; }

    public int Offset { get; init; }

    /// <summary>True when <see cref="Offset"/> counts back from the end (<c>BasePoint="End"</c>).</summary>
    public bool FromEnd { get; init; }

    /// <summary>For a fractional view: the numerator and denominator of the starting position.</summary>
    public (int Numerator, int Denominator)? Fraction { get; init; }

    /// <summary>The whole result, as a request without a view asks for it.</summary>
    public static EwsPageView All { get; } = new();

    /// <summary>The first index of the page in a result of <paramref name="total"/> entries.</summary>
    public int StartIndex(int total)
    {
        if (Fraction is { } fraction)
        {
            return fraction.Denominator <= 0 ? 0 : (int)Math.Min(total, (long)total * fraction.Numerator / fraction.Denominator);
        }

        if (FromEnd)
        {
            var count = MaxEntriesReturned ?? total;
            return Math.Max(0, total - Offset - count);
        }

        return Math.Min(Offset, total);
    }
}
