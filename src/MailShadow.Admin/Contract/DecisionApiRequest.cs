using System.Text.Json.Serialization;

namespace MailShadow.Admin.Contract;

/// <summary>The body of <c>POST /admin/reconcile/decision</c>.</summary>
/// <param name="Mailbox">The mailbox whose held plan is decided.</param>
/// <param name="Decision"><c>approve</c> (journal its repairs) or <c>discard</c> (drop it; the next pass is full).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DecisionApiRequest(string? Mailbox, string? Decision);
