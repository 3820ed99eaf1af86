namespace MailShadow.Reconciliation.Passes;

/// <summary>A running pass as operators see it: for a migration, how far the seeding has come and when it will end.</summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="Phase">
/// What the pass is doing: <c>reading</c> both sites, <c>planning</c>, <c>checking</c> that the content to copy parses,
/// or <c>applying</c> its repairs.
/// </param>
/// <param name="FoldersDone">Folders read so far.</param>
/// <param name="FoldersTotal">Folders to read.</param>
/// <param name="ItemsDone">Repairs final on the passive site (applying) or items read (reading).</param>
/// <param name="ItemsTotal">Repairs to apply, or items to read when known.</param>
/// <param name="BytesCopied">MIME bytes copied to the passive site so far.</param>
/// <param name="ItemsPerSecond">The rate over the current phase.</param>
/// <param name="Eta">When the phase should end at that rate; null when unknown.</param>
/// <param name="StartedAt">When the pass started.</param>
public sealed record PassProgress(
    string Mailbox,
    string Phase,
    int FoldersDone,
    int FoldersTotal,
    long ItemsDone,
    long ItemsTotal,
    long BytesCopied,
    double ItemsPerSecond,
    TimeSpan? Eta,
    DateTimeOffset StartedAt);
