using MailShadow.Journal;
using MailShadow.Model;

namespace MailShadow.Reconciliation.Applying;

/// <summary>A repair held in memory for one site: the journaled work and what its attempts have learned since it was read.</summary>
internal sealed class RepairWork(PendingWork work)
{
    public TransactionId Id { get; } = work.Id;

    public long Sequence { get; } = work.Sequence;

    public string Metadata { get; } = work.Metadata;

    public int Attempts { get; set; } = work.Attempts;

    public DateTimeOffset? NextAttemptAt { get; set; } = work.NextAttemptAt;

    public bool Ambiguous { get; set; } = work.Ambiguous || RepairAttemptDetail.IsAmbiguous(work.Detail);

    public string? Detail { get; set; } = work.Detail;
}
