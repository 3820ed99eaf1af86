using System.Globalization;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using MailShadow.Reconciliation.Tests.Support;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Planning;

/// <summary>
/// Plans, applies the plan as Exchange would (new ids on copy and move, the server's own received time and size on a
/// copy), and plans again: one pass must make the two sides equal, and the next must find nothing to do.
/// </summary>
public sealed class ConvergenceTests
{
    private const string Alice = "alice@example.test";

    [Fact]
    public void EveryKindOfDivergence_ConvergesInOnePass()
    {
        var active = MailboxBuilder.Standard("A").Folder("Clients", id: "A:clients").Folder("Clients/Acme").Folder("Archive").Folder("New")
            .Item("Inbox", Delivered("A", 1, Props(read: true)))
            .Item("Inbox", Delivered("A", 2))
            .Item("Archive", Delivered("A", 3, Props(flag: MessageFlag.Flagged, categories: ["Red"])))
            .Item("Archive", Migrated("A", 4))
            .Item("New", Migrated("A", 5))
            .Item("Clients/Acme", Bare("A:draft"))
            .Item("Inbox", Delivered("A", 6));
        var passive = MailboxBuilder.Standard("P").Folder("Customers", id: "P:clients").Folder("Customers/Acme").Folder("Archive").Folder("Stale")
            .Item("Inbox", Delivered("P", 1))
            .Item("Inbox", Delivered("P", 3))
            .Item("Inbox", Delivered("P", 3) with { Id = "P:m3-dup" })
            .Item("Stale", Migrated("P", 4))
            .Item("Stale", Migrated("P", 99))
            .Item("Inbox", Delivered("P", 6))
            .Item("Inbox", Delivered("P", 6) with { Id = "P:m6-dup" })
            .Item("Inbox", Delivered("P", 7));
        var input = new ReconciliationInput(Alice, active.Build(), passive.Build())
        {
            KnownFolderPairs = new Dictionary<string, string> { ["A:clients"] = "P:clients" },
        };

        var (first, next) = PassiveSimulator.Pass(input);
        var second = RepairPlanner.Plan(next);

        Assert.Equal(
            [
                RepairKind.RenameFolder, RepairKind.CreateFolder, RepairKind.RemoveDuplicate, RepairKind.RemoveDuplicate,
                RepairKind.UpdateItemProperties, RepairKind.UpdateItemProperties, RepairKind.MoveItem, RepairKind.MoveItem,
                RepairKind.CopyItem, RepairKind.CopyItem, RepairKind.CopyItem, RepairKind.SoftDeleteItem, RepairKind.DeleteFolder,
            ],
            first.Repairs.Select(r => r.Kind));
        Assert.True(second.IsEmpty, string.Join(Environment.NewLine, second.Repairs.Select(r => r.Describe())));
        Assert.Equal(Content(next.Active, null), Content(next.Passive, next.KnownItemPairs));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomDivergence_ConvergesInOnePass(int seed)
    {
        var input = RandomDivergence(new Random(seed));

        var (first, next) = PassiveSimulator.Pass(input);
        var second = RepairPlanner.Plan(next);

        Assert.True(second.IsEmpty, $"seed {seed}: after {first.Repairs.Count} repairs, still: " + string.Join("; ", second.Repairs.Select(r => r.Describe())));
        Assert.Equal(Content(next.Active, null), Content(next.Passive, next.KnownItemPairs));
    }

    [Fact]
    public void AfterAFailover_TheFormerActiveSideIsRepairedFromTheNewOne()
    {
        var siteA = MailboxBuilder.Standard("A").Item("Inbox", Migrated("A", 1)).Item("Inbox", Bare("A:note")).Build();
        var siteB = MailboxBuilder.Standard("P").Build();
        var (_, next) = PassiveSimulator.Pass(new ReconciliationInput(Alice, siteA, siteB));

        // B becomes active; its copies carry stamps naming A's items. Nothing changed, so nothing is planned.
        var flipped = new ReconciliationInput(Alice, next.Passive, next.Active)
        {
            KnownFolderPairs = next.KnownFolderPairs.ToDictionary(p => p.Value, p => p.Key),
            KnownItemPairs = next.KnownItemPairs.ToDictionary(p => p.Value, p => p.Key),
        };

        Assert.True(RepairPlanner.Plan(flipped).IsEmpty);
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>
    /// What a user sees: per folder path, each message's identity and properties, as a sorted multiset. A keyless item
    /// is known by its active id: its own on the active side, through its stamp or the id map on the passive side.
    /// </summary>
    private static List<string> Content(MailboxSnapshot snapshot, IReadOnlyDictionary<string, string>? pairs)
    {
        var activeIdOf = pairs?.ToDictionary(p => p.Value, p => p.Key) ?? [];
        var paths = new Dictionary<string, string> { [snapshot.RootId] = "" };
        var pending = snapshot.Folders.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(f => paths.ContainsKey(f.ParentId)).ToList();
            Assert.NotEmpty(ready);
            foreach (var folder in ready)
            {
                paths[folder.Id] = paths[folder.ParentId] + "/" + folder.DisplayName;
                pending.Remove(folder);
            }
        }

        return snapshot.Items
            .Select(i => string.Join(
                "|",
                paths[i.FolderId],
                i.TransactionHeader ?? i.InternetMessageId ?? "bare:" + (i.CorrelationStamp ?? "item:" + activeIdOf.GetValueOrDefault(i.Id, i.Id)),
                i.Properties.IsRead,
                i.Properties.Flag,
                i.Properties.Importance,
                string.Join(",", i.Properties.Categories.Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// An active mailbox of random folders and items, and a passive one that drifted from it: missing and extra
    /// folders and items, renamed and moved folders (some known to the id map), moved items, changed properties,
    /// duplicates, stamped copies and keyless items known to the id map.
    /// </summary>
    private static ReconciliationInput RandomDivergence(Random random)
    {
        var folderCount = random.Next(2, 8);
        var folders = new List<(string Path, string Id)> { ("Inbox", "inbox"), ("Sent Items", "sentitems") };
        for (var i = 0; i < folderCount; i++)
        {
            var parent = random.Next(3) == 0 ? folders[random.Next(folders.Count)].Path + "/" : "";
            folders.Add(($"{parent}F{i}", $"f{i}"));
        }

        var active = new MailboxBuilder("A");
        var passive = new MailboxBuilder("P");
        var knownFolders = new Dictionary<string, string>();
        var knownItems = new Dictionary<string, string>();
        var passivePaths = new Dictionary<string, string>();
        foreach (var (path, id) in folders)
        {
            var wellKnown = id.StartsWith('f') ? null : id;
            active.Folder(path, wellKnown: wellKnown, id: "A:" + id);
            var parentPath = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : null;
            if (parentPath is not null && !passivePaths.ContainsKey(parentPath))
            {
                continue;
            }

            var fate = wellKnown is null ? random.Next(10) : 9;
            var name = path[(path.LastIndexOf('/') + 1)..];
            var passiveName = fate is 0 or 1 ? name + "-old" : name;
            if (fate == 2)
            {
                continue;
            }

            var passivePath = (parentPath is null ? "" : passivePaths[parentPath] + "/") + passiveName;
            passive.Folder(passivePath, wellKnown: wellKnown, id: "P:" + id);
            passivePaths[path] = passivePath;
            if (fate is 0 or 3)
            {
                knownFolders["A:" + id] = "P:" + id;
            }
        }

        passive.Folder("Extra", id: "P:extra");
        var n = 0;
        foreach (var (path, _) in folders)
        {
            for (var i = random.Next(0, 12); i > 0; i--)
            {
                n++;
                var props = Props(read: random.Next(2) == 0, flag: (MessageFlag)random.Next(3), importance: (MessageImportance)random.Next(3), categories: random.Next(4) == 0 ? ["Red"] : []);
                var kind = random.Next(10);
                var activeItem = kind switch
                {
                    < 5 => Delivered("A", n, props),
                    < 8 => Migrated("A", n, props),
                    8 => Migrated("A", n, props) with { Id = $"A:stamped{n}" },
                    _ => Bare($"A:bare{n}", props),
                };
                active.Item(path, activeItem);
                var passiveItem = kind switch
                {
                    < 5 => Delivered("P", n),
                    < 8 => Migrated("P", n),
                    8 => Migrated("P", n) with { Id = $"P:stamped{n}", Received = Start.AddYears(-1), Size = 17, CorrelationStamp = CorrelationKeys.For(activeItem) },
                    _ => Bare($"P:bare{n}"),
                };
                passiveItem = passiveItem with { Properties = random.Next(4) == 0 ? Props(read: !props.IsRead) : props };
                var fate = random.Next(20);
                var passivePath = passivePaths.GetValueOrDefault(path);
                if (fate < 2 || passivePath is null)
                {
                    continue;
                }

                if (fate < 4)
                {
                    passivePath = passivePaths.Values.ElementAt(random.Next(passivePaths.Count));
                }

                passive.Item(passivePath, passiveItem);
                if (kind == 9)
                {
                    knownItems[activeItem.Id] = passiveItem.Id;
                }

                if (fate == 4)
                {
                    passive.Item(passivePath, passiveItem with { Id = passiveItem.Id + "-dup" });
                }
            }
        }

        for (var i = random.Next(0, 5); i > 0; i--)
        {
            passive.Item(random.Next(2) == 0 ? "Extra" : "Inbox", Delivered("P", 10_000 + i) with { Id = "P:extra" + i.ToString(CultureInfo.InvariantCulture) });
        }

        return new ReconciliationInput(Alice, active.Build(), passive.Build()) { KnownFolderPairs = knownFolders, KnownItemPairs = knownItems };
    }
}
