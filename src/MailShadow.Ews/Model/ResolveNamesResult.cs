namespace MailShadow.Ews.Model;

/// <summary>
/// The matches of ResolveNames. Several matches come as a warning (<c>ErrorNameResolutionMultipleResults</c>) that still
/// carries this value.
/// </summary>
public sealed record ResolveNamesResult(IReadOnlyList<NameResolution> Resolutions, int TotalItemsInView, bool IncludesLastItemInRange);
