namespace MailShadow.Reconciliation.Firewall;

/// <summary>
/// When a mailbox's repairs are held for an operator instead of applied (<c>MailShadow:Reconciliation:Firewall</c>).
/// A held plan applies nothing at all, so the active side's corruption — a mass delete, a vanished folder, unreadable
/// items — never reaches a healthy passive side on its own.
/// </summary>
public sealed class CorruptionFirewallOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MailShadow:Reconciliation:Firewall";

    /// <summary>Hold when a pass would soft-delete more than this share (percent, 0–100) of a folder's items.</summary>
    public double MaxDeletePercentPerFolder { get; set; } = 20;

    /// <summary>
    /// The share rule applies only from this many deletes in one folder, so that emptying a small folder (three of
    /// three items) is not held; larger losses still meet <see cref="MaxDeletesPerPass"/> and the share.
    /// </summary>
    public int MinDeletesForPercentRule { get; set; } = 10;

    /// <summary>
    /// Hold when a pass would delete more than this many items in all: soft deletes, duplicate removals and the items
    /// of deleted folders.
    /// </summary>
    public int MaxDeletesPerPass { get; set; } = 500;

    /// <summary>Hold when a pass would delete a folder that holds items (or whose item count is unknown).</summary>
    public bool HoldOnNonEmptyFolderDelete { get; set; } = true;

    /// <summary>Hold when a pass would copy an item whose MIME content does not parse.</summary>
    public bool HoldOnUnparseableMime { get; set; } = true;
}
