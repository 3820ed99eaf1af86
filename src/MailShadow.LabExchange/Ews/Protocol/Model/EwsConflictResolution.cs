namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:ConflictResolutionType</c>: what UpdateItem does when the caller's change key is stale.</summary>
internal enum EwsConflictResolution
{
    NeverOverwrite,
    AutoResolve,
    AlwaysOverwrite,
}
