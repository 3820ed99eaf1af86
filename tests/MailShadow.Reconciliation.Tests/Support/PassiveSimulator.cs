using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Tests.Support;

/// <summary>
/// Applies a plan to a passive snapshot the way Exchange would: created and moved items get new ids, a copy made from
/// MIME gets the server's own received time and size (plus the stamp), deleting a folder takes what is in it. The
/// id map afterwards holds the plan's pairings, updated with the new ids, as the applier would record them.
/// </summary>
internal sealed class PassiveSimulator
{
    private readonly MailboxSnapshot _active;
    private readonly Dictionary<string, FolderSnapshot> _folders;
    private readonly Dictionary<string, ItemSnapshot> _items;
    private readonly Dictionary<string, string> _folderPairs;
    private readonly Dictionary<string, string> _itemPairs;
    private int _next;

    public PassiveSimulator(MailboxSnapshot active, MailboxSnapshot passive, RepairPlan plan)
    {
        _active = active;
        Passive = passive;
        _folders = passive.Folders.ToDictionary(f => f.Id);
        _items = passive.Items.ToDictionary(i => i.Id);
        _folderPairs = plan.FolderMatches.ToDictionary(m => m.ActiveFolderId, m => m.PassiveFolderId);
        _itemPairs = plan.ItemMatches.ToDictionary(m => m.ActiveItemId, m => m.PassiveItemId);
        foreach (var repair in plan.Repairs)
        {
            Apply(repair);
        }

        Passive = new MailboxSnapshot(passive.RootId, _folders.Values.ToArray(), _items.Values.ToArray());
    }

    public MailboxSnapshot Passive { get; }

    public IReadOnlyDictionary<string, string> FolderPairs => _folderPairs;

    public IReadOnlyDictionary<string, string> ItemPairs => _itemPairs;

    /// <summary>Plans, applies, and returns the input for the next pass over the result.</summary>
    public static (RepairPlan Plan, ReconciliationInput Next) Pass(ReconciliationInput input)
    {
        var plan = RepairPlanner.Plan(input);
        var simulator = new PassiveSimulator(input.Active, input.Passive, plan);
        return (plan, input with { Passive = simulator.Passive, KnownFolderPairs = simulator.FolderPairs, KnownItemPairs = simulator.ItemPairs });
    }

    private void Apply(Repair repair)
    {
        switch (repair)
        {
            case CreateFolderRepair create:
                var folderId = $"P:new{++_next}";
                _folders.Add(folderId, new FolderSnapshot(folderId, _folderPairs[create.ActiveParentId], create.DisplayName) { ItemsListed = true, FolderClass = create.FolderClass });
                _folderPairs[create.ActiveFolderId] = folderId;
                break;
            case RenameFolderRepair rename:
                _folders[rename.PassiveFolderId] = _folders[rename.PassiveFolderId] with { DisplayName = rename.NewName };
                break;
            case MoveFolderRepair move:
                _folders[move.PassiveFolderId] = _folders[move.PassiveFolderId] with { ParentId = _folderPairs[move.ActiveParentId] };
                break;
            case DeleteFolderRepair delete:
                DeleteFolder(delete.PassiveFolderId);
                break;
            case CopyItemRepair copy:
                var source = _active.Items.Single(i => i.Id == copy.ActiveItemId);
                var itemId = $"P:copy{++_next}";
                _items.Add(itemId, source with
                {
                    Id = itemId,
                    FolderId = _folderPairs[copy.ActiveFolderId],
                    Received = Mail.Start.AddYears(1).AddSeconds(_next),
                    Size = source.Size + 311,
                    CorrelationStamp = copy.CorrelationStamp,
                    Properties = copy.Properties,
                });
                _itemPairs[copy.ActiveItemId] = itemId;
                break;
            case SoftDeleteItemRepair softDelete:
                Assert.True(_items.Remove(softDelete.PassiveItemId), $"soft delete of a missing item {softDelete.PassiveItemId}");
                break;
            case RemoveDuplicateRepair duplicate:
                Assert.True(_items.ContainsKey(duplicate.KeptPassiveItemId), "the duplicate's twin must stay");
                Assert.True(_items.Remove(duplicate.PassiveItemId), $"removal of a missing duplicate {duplicate.PassiveItemId}");
                break;
            case UpdateItemPropertiesRepair update:
                var item = _items[update.PassiveItemId];
                var changes = update.Changes;
                _items[update.PassiveItemId] = item with
                {
                    Properties = new ItemProperties(
                        changes.IsRead ?? item.Properties.IsRead,
                        changes.Flag ?? item.Properties.Flag,
                        changes.Categories ?? item.Properties.Categories,
                        changes.Importance ?? item.Properties.Importance),
                };
                break;
            case MoveItemRepair moveItem:
                var moved = _items[moveItem.PassiveItemId];
                _items.Remove(moveItem.PassiveItemId);
                var newId = $"P:moved{++_next}";
                _items.Add(newId, moved with { Id = newId, FolderId = _folderPairs[moveItem.ActiveFolderId] });
                foreach (var pair in _itemPairs.Where(p => p.Value == moveItem.PassiveItemId).ToArray())
                {
                    _itemPairs[pair.Key] = newId;
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown repair {repair}");
        }
    }

    private void DeleteFolder(string folderId)
    {
        _folders.Remove(folderId);
        foreach (var item in _items.Values.Where(i => i.FolderId == folderId).ToArray())
        {
            _items.Remove(item.Id);
        }

        foreach (var child in _folders.Values.Where(f => f.ParentId == folderId).ToArray())
        {
            DeleteFolder(child.Id);
        }
    }
}
