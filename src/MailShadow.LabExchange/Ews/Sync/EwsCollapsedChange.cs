using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>The net change to one object over a range of the change log, as one sync change.</summary>
internal readonly record struct EwsCollapsedChange(EwsChangeKind Kind, string Id);
