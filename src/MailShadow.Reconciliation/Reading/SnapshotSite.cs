using MailShadow.Ews;
using MailShadow.Model;

namespace MailShadow.Reconciliation.Reading;

/// <summary>One site to read: its name and a client that already impersonates the mailbox.</summary>
/// <param name="Site">The site's configured name; sync state updates name it.</param>
/// <param name="Client">The site's EWS client acting as the mailbox (<see cref="EwsClient.Impersonating"/>).</param>
public sealed record SnapshotSite(SiteName Site, EwsClient Client);
