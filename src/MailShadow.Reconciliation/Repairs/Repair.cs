using System.Text.Json.Serialization;

namespace MailShadow.Reconciliation.Repairs;

/// <summary>
/// One change that brings the passive side of a mailbox closer to the active side. Repairs name passive objects by
/// their passive ids and destinations by the <em>active</em> folder's id (with its path for people to read): the
/// applier finds the passive counterpart through the id map, which also knows folders the same plan creates.
/// Serialized as JSON into journal transactions and held plans, with <c>kind</c> as the discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CreateFolderRepair), nameof(RepairKind.CreateFolder))]
[JsonDerivedType(typeof(RenameFolderRepair), nameof(RepairKind.RenameFolder))]
[JsonDerivedType(typeof(MoveFolderRepair), nameof(RepairKind.MoveFolder))]
[JsonDerivedType(typeof(DeleteFolderRepair), nameof(RepairKind.DeleteFolder))]
[JsonDerivedType(typeof(CopyItemRepair), nameof(RepairKind.CopyItem))]
[JsonDerivedType(typeof(SoftDeleteItemRepair), nameof(RepairKind.SoftDeleteItem))]
[JsonDerivedType(typeof(UpdateItemPropertiesRepair), nameof(RepairKind.UpdateItemProperties))]
[JsonDerivedType(typeof(MoveItemRepair), nameof(RepairKind.MoveItem))]
[JsonDerivedType(typeof(RemoveDuplicateRepair), nameof(RepairKind.RemoveDuplicate))]
public abstract record Repair(RepairKind Kind)
{
    /// <summary>What the repair does (written as the <c>kind</c> discriminator, not as a property).</summary>
    [JsonIgnore]
    public RepairKind Kind { get; } = Kind;

    /// <summary>One line for operators: what it does, and where.</summary>
    public abstract string Describe();
}
