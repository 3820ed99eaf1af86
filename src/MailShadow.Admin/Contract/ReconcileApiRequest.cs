using System.Text.Json.Serialization;

namespace MailShadow.Admin.Contract;

/// <summary>The body of <c>POST /admin/reconcile</c>.</summary>
/// <param name="Mailbox">One mailbox (an address), or null for every configured mailbox.</param>
/// <param name="Full">Forget the stored sync states and compare every folder whole.</param>
/// <param name="DryRun">Plan and report; apply and store nothing.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReconcileApiRequest(string? Mailbox = null, bool Full = false, bool DryRun = false);
