using System.Globalization;
using System.Text;
using MailShadow.LabExchange;
using MailShadow.LabExchange.Store;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Demo;

/// <summary>
/// The demo's second act: alice's mailbox changes on the primary behind MailShadow's back — as Outlook over MAPI, a
/// phone or a restore would change it — and one reconciliation pass over EWS makes the standby the same again.
/// </summary>
internal static class DemoReconciliation
{
    private const string Mailbox = "alice@example.test";

    /// <summary>True when the pass applied every repair and both sites then hold the same mailbox.</summary>
    public static async Task<bool> RunAsync(
        IReadOnlyDictionary<string, LabExchangeServer> sites,
        IReconciliationService reconciler,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("Reconciliation");
        var pairing = await PassAsync(reconciler, cancellationToken);
        output.WriteLine($"  first pass over {Mailbox}: {Describe(pairing)} — every copy paired with its twin");

        var changes = ChangeBehindMailShadowsBack(sites["primary"].Store);
        output.WriteLine($"  on the primary, behind MailShadow's back: {changes}");

        var pass = await PassAsync(reconciler, cancellationToken);
        output.WriteLine($"  reconciliation pass: {Describe(pass)}");
        foreach (var kind in pass.Repairs.GroupBy(Kind, StringComparer.Ordinal))
        {
            output.WriteLine($"    {kind.Count(),3} × {kind.Key}");
        }

        var quiet = await PassAsync(reconciler, cancellationToken);
        quiet = quiet.Outcome == PassOutcome.InSync && quiet.Statistics.FoldersCompared == 0 ? quiet : await PassAsync(reconciler, cancellationToken);
        output.WriteLine($"  unchanged since: {Describe(quiet)}");

        var primary = Describe(sites["primary"].Store);
        var standby = Describe(sites["standby"].Store);
        var same = string.Equals(primary, standby, StringComparison.Ordinal);
        output.WriteLine(same
            ? $"  {Mailbox} is the same on both sites: {primary.Count(c => c == '\n')} folders and messages compared (path, Message-ID, read, flag, categories)."
            : $"  {Mailbox} still differs between the sites.");
        return pass.Outcome == PassOutcome.Applied && same;
    }

    private static async Task<MailboxPassReport> PassAsync(IReconciliationService reconciler, CancellationToken cancellationToken) =>
        (await reconciler.ReconcileAsync(new ReconcileRequest(Mailbox, Full: false, DryRun: false), cancellationToken)).Mailboxes.Single();

    private static string Describe(MailboxPassReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"{report.Outcome}, {report.Repairs.Count} repairs ({report.Applied} applied), {report.Statistics.EwsCalls} EWS calls, {report.Statistics.ItemsRead} items read, {report.Statistics.Elapsed.TotalMilliseconds:N0} ms");

    /// <summary>"copy", "move", "set", "soft-delete" … from a repair's description.</summary>
    private static string Kind(string repair) => repair.Split(' ')[0];

    private static string ChangeBehindMailShadowsBack(LabStore store)
    {
        var inbox = store.GetDistinguishedFolder(Mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        var items = store.GetItems(inbox.Id).GetValueOrThrow().OrderBy(item => item.DateTimeReceived).ThenBy(item => item.Id, StringComparer.Ordinal).ToList();
        if (items.Count < 10)
        {
            return "nothing (alice has too little mail)";
        }

        var projects = store.CreateFolder(inbox.Id, "Projects").GetValueOrThrow();
        foreach (var item in items.Take(3))
        {
            store.MoveItem(item.Id, projects.Id).GetValueOrThrow();
        }

        foreach (var item in items.Skip(3).Take(4))
        {
            store.UpdateItem(item.Id, null, new LabItemUpdate { IsRead = true }).GetValueOrThrow();
        }

        store.UpdateItem(items[7].Id, null, new LabItemUpdate { FlagStatus = LabFlagStatus.Flagged, Categories = ["Customer"] }).GetValueOrThrow();
        store.DeleteItem(items[8].Id);
        store.Deliver([Mailbox], Encoding.ASCII.GetBytes(
            "From: Backup <backup@example.test>\r\nTo: alice@example.test\r\nSubject: Restored from last night's backup\r\n" +
            $"Message-ID: <restored-{Guid.NewGuid():N}@example.test>\r\nDate: {DateTimeOffset.UtcNow:r}\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=us-ascii\r\n\r\nA message restored on the primary only.\r\n"));
        return "folder Inbox/Projects created, 3 messages filed into it, 4 marked read, 1 flagged and categorised, 1 deleted, 1 restored from a backup";
    }

    /// <summary>The mailbox as a user sees it: folders by path, and in each the messages' Message-ID and state.</summary>
    private static string Describe(LabStore store)
    {
        var folders = store.GetFolders(Mailbox).GetValueOrThrow();
        var byId = folders.ToDictionary(folder => folder.Id, StringComparer.Ordinal);
        var root = folders.Single(folder => folder.DistinguishedFolder == LabDistinguishedFolder.MsgFolderRoot).Id;
        var text = new StringBuilder();
        foreach (var (path, folder) in folders.Select(folder => (Path: PathOf(folder, byId, root), Folder: folder)).Where(pair => pair.Path is not null).OrderBy(pair => pair.Path, StringComparer.Ordinal))
        {
            text.Append(path).Append('\n');
            foreach (var item in store.GetItems(folder.Id).GetValueOrThrow().Select(Line).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(item).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Line(LabItem item) =>
        $"{item.InternetMessageId} read={item.IsRead} flag={item.FlagStatus} [{string.Join(",", item.Categories.Order(StringComparer.Ordinal))}]";

    private static string? PathOf(LabFolder folder, Dictionary<string, LabFolder> byId, string root)
    {
        var path = "/" + folder.DisplayName;
        var parent = folder.ParentFolderId;
        for (var depth = 0; depth < 64; depth++)
        {
            if (parent == root)
            {
                return path;
            }

            if (parent is null || !byId.TryGetValue(parent, out var up))
            {
                return null;
            }

            path = "/" + up.DisplayName + path;
            parent = up.ParentFolderId;
        }

        return null;
    }
}
