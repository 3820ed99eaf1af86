namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// A passive folder whose items were compared in this pass, with how many it held before the pass — the base of the
/// corruption firewall's per-folder share.
/// </summary>
public sealed record ComparedFolder(string PassiveFolderId, string Path, int PassiveItems, int ActiveItems);
