namespace MailShadow.Reconciliation.Passes;

/// <summary>What a pass cost and covered.</summary>
/// <param name="EwsCalls">EWS requests made on both sites to read the snapshots.</param>
/// <param name="FoldersCompared">Folders whose items were compared.</param>
/// <param name="ItemsRead">Items listed on both sites.</param>
/// <param name="BytesCopied">MIME bytes copied to the passive site.</param>
/// <param name="Elapsed">Wall time of the pass.</param>
public sealed record PassStatistics(int EwsCalls, int FoldersCompared, long ItemsRead, long BytesCopied, TimeSpan Elapsed)
{
    /// <summary>Of <see cref="Elapsed"/>, the time spent reading both sites and planning, before any repair was journaled.</summary>
    public TimeSpan ReadElapsed { get; init; }

    public static PassStatistics None { get; } = new(0, 0, 0, 0, TimeSpan.Zero);
}
