namespace MailShadow.Journal;

/// <summary>What crash recovery found when the journal opened.</summary>
/// <param name="InFlightReset">Site states that were InFlight and are Pending again (marked ambiguous).</param>
/// <param name="LastSequence">The highest sequence in the journal.</param>
public sealed record JournalRecovery(int InFlightReset, long LastSequence);
