using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>One change in a <see cref="ReconciliationWrite"/>; a store applies them in order, all or none.</summary>
public abstract record ReconciliationChange;

/// <summary>
/// Records that the ids in <see cref="Entry"/> are one object. The entry replaces every stored entry that names any of
/// its ids, so a later put (a new id after a move, a recreated copy) is authoritative.
/// </summary>
public sealed record IdMapPut(IdMapEntry Entry) : ReconciliationChange;

/// <summary>Forgets the object that has <paramref name="Id"/> on <paramref name="Site"/> (the whole entry), if any.</summary>
public sealed record IdMapRemoval(string Mailbox, IdMapKind Kind, SiteName Site, string Id) : ReconciliationChange;

/// <summary>Stores (or replaces) a sync state.</summary>
public sealed record SyncStatePut(string Mailbox, string FolderKey, SiteName Site, string State) : ReconciliationChange;

/// <summary>
/// Forgets sync states of a mailbox: one (folder key and site given), one folder's on every site, one site's, or all
/// of them (a full pass on demand).
/// </summary>
public sealed record SyncStateDeletion(string Mailbox, string? FolderKey = null, SiteName? Site = null) : ReconciliationChange;

/// <summary>Stores a plan the corruption firewall held; a plan whose id is already stored is left as it is.</summary>
public sealed record HeldPlanAddition(NewRepairPlan Plan) : ReconciliationChange;
