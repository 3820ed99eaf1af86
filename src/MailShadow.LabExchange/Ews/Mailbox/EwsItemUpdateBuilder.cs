using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// Turns an ItemChange's updates into one store update: read state, flag, categories, importance and extended
/// properties become store properties; subject, body and recipients are also rewritten in the MIME, as Exchange
/// regenerates MIME content from properties. Properties the lab does not keep but clients set routinely (reminders,
/// receipt requests) are accepted and dropped; read-only ones are refused.
/// </summary>
internal sealed class EwsItemUpdateBuilder(LabItem item, Func<byte[]> readMime)
{
    private static readonly HashSet<string> _acceptedAndDropped = new(StringComparer.Ordinal)
    {
        "item:ReminderIsSet", "item:ReminderDueBy", "item:ReminderMinutesBeforeStart", "item:Sensitivity", "item:Culture",
        "message:IsReadReceiptRequested", "message:IsDeliveryReceiptRequested", "message:IsResponseRequested",
    };

    private readonly Dictionary<ExtendedPropertyKey, string> _set = [];
    private readonly HashSet<ExtendedPropertyKey> _removed = [];
    private bool? _isRead;
    private LabFlagStatus? _flag;
    private List<string>? _categories;
    private LabImportance? _importance;
    private string? _subject;
    private byte[]? _mime;

    /// <summary>The update; or the response code (and the offending path) that refuses the change.</summary>
    public (LabItemUpdate? Update, string? Error, EwsPropertyPath? Path) Build(IReadOnlyList<EwsItemUpdate> updates)
    {
        foreach (var update in updates)
        {
            var error = Apply(update);
            if (error is not null)
            {
                return (null, error, update.Path);
            }
        }

        return (new LabItemUpdate
        {
            IsRead = _isRead,
            FlagStatus = _flag,
            Categories = _categories,
            Importance = _importance,
            Subject = _subject,
            SetExtendedProperties = _set.Count > 0 ? _set : null,
            RemoveExtendedProperties = _removed.Count > 0 ? _removed : null,
            Mime = _mime,
        }, null, null);
    }

    private string? Apply(EwsItemUpdate update)
    {
        if (update.Path is EwsExtendedFieldPath extended)
        {
            return ApplyExtended(update, extended);
        }

        if (update.Path is not EwsFieldPath field)
        {
            return EwsResponseCodes.ErrorInvalidPropertySet;
        }

        var value = update.Value;
        if (update.Kind != EwsUpdateKind.Delete && value?.GivenElements.Count != 1)
        {
            return EwsResponseCodes.ErrorIncorrectUpdatePropertyCount;
        }

        switch (field.FieldUri, update.Kind)
        {
            case ("message:IsRead", EwsUpdateKind.Set) when value!.IsRead is { } isRead:
                _isRead = isRead;
                return null;
            case ("item:Flag", EwsUpdateKind.Set) when value!.FlagStatus is { } flag:
                _flag = Enum.Parse<LabFlagStatus>(flag);
                return null;
            case ("item:Flag", EwsUpdateKind.Delete):
                _flag = LabFlagStatus.NotFlagged;
                return null;
            case ("item:Categories", EwsUpdateKind.Set) when value!.Categories is { } categories:
                _categories = [.. categories];
                return null;
            case ("item:Categories", EwsUpdateKind.Append) when value!.Categories is { } more:
                _categories = [.. (_categories ?? [.. item.Categories]).Concat(more).Distinct(StringComparer.OrdinalIgnoreCase)];
                return null;
            case ("item:Categories", EwsUpdateKind.Delete):
                _categories = [];
                return null;
            case ("item:Importance", EwsUpdateKind.Set) when value!.Importance is { } importance:
                _importance = Enum.Parse<LabImportance>(importance);
                return null;
            case ("item:Importance", EwsUpdateKind.Delete):
                _importance = LabImportance.Normal;
                return null;
            case ("item:Subject", EwsUpdateKind.Set or EwsUpdateKind.Delete):
                _subject = update.Kind == EwsUpdateKind.Delete ? "" : value!.Subject ?? "";
                _mime = EwsMimeBuilder.SetSubject(Mime(), _subject);
                return null;
            case ("item:Body", EwsUpdateKind.Set) when value!.Body is { } body:
                _mime = EwsMimeBuilder.SetBody(Mime(), body);
                return null;
            case ("message:ToRecipients", EwsUpdateKind.Set or EwsUpdateKind.Append) when value!.ToRecipients is { } to:
                _mime = EwsMimeBuilder.SetRecipients(Mime(), "To", to, update.Kind == EwsUpdateKind.Append);
                return null;
            case ("message:CcRecipients", EwsUpdateKind.Set or EwsUpdateKind.Append) when value!.CcRecipients is { } cc:
                _mime = EwsMimeBuilder.SetRecipients(Mime(), "Cc", cc, update.Kind == EwsUpdateKind.Append);
                return null;
            case ("message:BccRecipients", EwsUpdateKind.Set or EwsUpdateKind.Append) when value!.BccRecipients is { } bcc:
                _mime = EwsMimeBuilder.SetRecipients(Mime(), "Bcc", bcc, update.Kind == EwsUpdateKind.Append);
                return null;
            case ({ } name, _) when _acceptedAndDropped.Contains(name):
                return null;
            case (_, EwsUpdateKind.Delete):
                return EwsResponseCodes.ErrorInvalidPropertyDelete;
            case (_, EwsUpdateKind.Append):
                return EwsResponseCodes.ErrorInvalidPropertyAppend;
            default:
                return EwsResponseCodes.ErrorInvalidPropertySet;
        }
    }

    private string? ApplyExtended(EwsItemUpdate update, EwsExtendedFieldPath path)
    {
        var key = EwsExtendedKeys.ToKey(path);
        if (update.Kind == EwsUpdateKind.Delete)
        {
            _set.Remove(key);
            _removed.Add(key);
            return null;
        }

        var property = update.Value?.ExtendedProperties.FirstOrDefault(candidate => candidate.Path.SameProperty(path));
        if (property is null || update.Value!.GivenElements.Count != 1)
        {
            return EwsResponseCodes.ErrorIncorrectUpdatePropertyCount;
        }

        if (!EwsExtendedKeys.IsValid(property))
        {
            return EwsResponseCodes.ErrorInvalidExtendedPropertyValue;
        }

        EwsNewItems.ApplySpecial(property, key, value => _isRead = value, flag => _flag = flag, (specialKey, stored) =>
        {
            _removed.Remove(specialKey);
            _set[specialKey] = stored;
        });
        return null;
    }

    private byte[] Mime() => _mime ??= readMime();
}
