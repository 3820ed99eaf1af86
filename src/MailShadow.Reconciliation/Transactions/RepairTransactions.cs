using System.Security.Cryptography;
using System.Text;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Transactions;

/// <summary>
/// Turns repairs into <see cref="TransactionKind.Repair"/> journal transactions for the passive site, one per repair,
/// for the mailbox, so the replicator applies them in order with everything else of that mailbox. A repair's id is
/// derived from its mailbox, plan and content: a pass that is repeated after a crash appends each repair at most once
/// (the journal is idempotent by id), while the same divergence found by a later pass (another plan) is a new repair.
/// </summary>
public static class RepairTransactions
{
    /// <summary>The repair transactions of a plan, in plan order.</summary>
    public static IReadOnlyList<NewTransaction> Create(RepairPlan plan, SiteName passive, Guid planId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Repairs.Select(repair => Create(plan.Mailbox, passive, planId, repair)).ToArray();
    }

    public static NewTransaction Create(string mailbox, SiteName passive, Guid planId, Repair repair)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        ArgumentNullException.ThrowIfNull(passive.Value, nameof(passive));
        ArgumentNullException.ThrowIfNull(repair);
        var normalized = mailbox.Trim().ToLowerInvariant();
        var metadata = ReconciliationJson.Serialize(new RepairTransactionMetadata(planId, repair));
        return new NewTransaction(TransactionKind.Repair, [normalized], metadata, ReadOnlyMemory<byte>.Empty, [passive])
        {
            Id = IdFor(normalized, metadata),
        };
    }

    /// <summary>The plan and repair a repair transaction carries.</summary>
    /// <exception cref="System.Text.Json.JsonException">The metadata is not a repair this version reads.</exception>
    public static RepairTransactionMetadata Read(string metadata) => ReconciliationJson.DeserializeMetadata(metadata);

    private static TransactionId IdFor(string mailbox, string metadata)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"mailshadow-repair:{mailbox}:{metadata}"), hash);
        var bytes = hash[..16];

        // An RFC 9562 version 8 (custom) UUID: never equal to a random or time-ordered id.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new TransactionId(new Guid(bytes, bigEndian: true));
    }
}
