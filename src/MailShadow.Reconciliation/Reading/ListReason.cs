namespace MailShadow.Reconciliation.Reading;

/// <summary>Why a folder pair was listed whole rather than skipped.</summary>
internal enum ListReason
{
    /// <summary>The read was asked to ignore the stored states.</summary>
    Full,

    /// <summary>A side had no stored state (a new folder, or the first pass).</summary>
    NoState,

    /// <summary>A side's server refused its stored state.</summary>
    StateRejected,

    /// <summary>The folder has no counterpart on the other site.</summary>
    NoCounterpart,

    /// <summary>A side's sync reported changes.</summary>
    Changed,
}
