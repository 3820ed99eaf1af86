namespace MailShadow.Ews.Model;

/// <summary>What UpdateItem does when the change key is stale.</summary>
public enum ConflictResolution
{
    NeverOverwrite,
    AutoResolve,
    AlwaysOverwrite,
}
