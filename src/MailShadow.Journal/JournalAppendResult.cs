using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>What a durable append produced.</summary>
public readonly record struct JournalAppendResult(TransactionId Id, long Sequence, DateTimeOffset CreatedAt, bool AlreadyExisted = false);
