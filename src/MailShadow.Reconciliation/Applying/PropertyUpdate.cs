using MailShadow.Ews.Model;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Applying;

/// <summary>The UpdateItem changes for a <see cref="PropertyChanges"/>: only the properties that differ.</summary>
internal static class PropertyUpdate
{
    public static IReadOnlyList<ItemFieldChange> Changes(PropertyChanges changes, bool legacyFlag)
    {
        var list = new List<ItemFieldChange>(4);
        if (changes.IsRead is { } read)
        {
            list.Add(ItemFieldChange.SetIsRead(read));
        }

        if (changes.Flag is { } flag)
        {
            list.Add(legacyFlag
                ? ItemFieldChange.SetExtendedProperty(ExtendedProperty.Of(CopiedItem.FlagStatus, CopiedItem.FlagStatusValue(flag)))
                : ItemFieldChange.SetFlag(CopiedItem.ToItemFlag(flag)));
        }

        if (changes.Categories is { } categories)
        {
            list.Add(ItemFieldChange.SetCategories(categories));
        }

        if (changes.Importance is { } importance)
        {
            list.Add(ItemFieldChange.SetImportance(CopiedItem.ToImportance(importance)));
        }

        return list;
    }
}
