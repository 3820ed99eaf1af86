namespace MailShadow.Ews.Model;

/// <summary>
/// One property change of an UpdateItem: set a property (<c>t:SetItemField</c>) or remove it (<c>t:DeleteItemField</c>).
/// </summary>
public sealed record ItemFieldChange
{
    private ItemFieldChange(PropertyPath path, NewItem? value)
    {
        Path = path;
        Value = value;
    }

    public PropertyPath Path { get; }

    /// <summary>The item carrying the one new value; null for a delete.</summary>
    public NewItem? Value { get; }

    public bool IsDelete => Value is null;

    public static ItemFieldChange SetIsRead(bool isRead) => new(FieldUri.IsRead, new NewItem { IsRead = isRead });

    public static ItemFieldChange SetFlag(ItemFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new(FieldUri.Flag, new NewItem { Flag = flag });
    }

    public static ItemFieldChange SetCategories(IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return categories.Count == 0 ? Delete(FieldUri.Categories) : new(FieldUri.Categories, new NewItem { Categories = categories });
    }

    public static ItemFieldChange SetImportance(Importance importance) => new(FieldUri.Importance, new NewItem { Importance = importance });

    public static ItemFieldChange SetSensitivity(Sensitivity sensitivity) => new(FieldUri.Sensitivity, new NewItem { Sensitivity = sensitivity });

    public static ItemFieldChange SetSubject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new(FieldUri.Subject, new NewItem { Subject = subject });
    }

    public static ItemFieldChange SetExtendedProperty(ExtendedProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return new(property.Path, new NewItem { ExtendedProperties = [property] });
    }

    /// <summary>Removes a property (<c>t:DeleteItemField</c>), for example an extended property or the categories.</summary>
    public static ItemFieldChange Delete(PropertyPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(path, null);
    }
}
