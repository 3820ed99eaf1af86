namespace MailShadow.Reconciliation.Planning;

/// <summary>An active folder and its passive counterpart (the roots included); recorded in the id map.</summary>
public sealed record FolderMatch(string ActiveFolderId, string PassiveFolderId, string CorrelationKey);
