using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>ExportItems (Exchange 2010 SP1 and later): full-fidelity data, one result per item.</summary>
public sealed record ExportItemsRequest(IReadOnlyList<ItemId> ItemIds);
