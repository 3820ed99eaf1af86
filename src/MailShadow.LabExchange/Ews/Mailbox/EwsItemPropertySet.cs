using System.Collections.Frozen;
using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// An item shape resolved to the properties the lab writes: the base shape's set, plus the additional FieldURIs it
/// knows, plus extended properties. FieldURIs that do not apply to a message (calendar:*, contacts:*, meeting:*…) are
/// ignored, as Exchange ignores them for items of another type.
/// </summary>
internal sealed record EwsItemPropertySet(EwsItemField Fields, IReadOnlyList<EwsExtendedFieldPath> ExtendedPaths)
{
    private const EwsItemField DefaultFields =
        EwsItemField.ItemId | EwsItemField.ParentFolderId | EwsItemField.ItemClass | EwsItemField.Subject | EwsItemField.Sensitivity
        | EwsItemField.Body | EwsItemField.Attachments | EwsItemField.DateTimeReceived | EwsItemField.Size | EwsItemField.Importance
        | EwsItemField.IsSubmitted | EwsItemField.IsDraft | EwsItemField.IsFromMe | EwsItemField.IsResend | EwsItemField.IsUnmodified
        | EwsItemField.DateTimeSent | EwsItemField.DateTimeCreated | EwsItemField.DisplayCc | EwsItemField.DisplayTo
        | EwsItemField.HasAttachments | EwsItemField.LastModifiedTime | EwsItemField.Sender | EwsItemField.ToRecipients
        | EwsItemField.CcRecipients | EwsItemField.ConversationTopic | EwsItemField.From | EwsItemField.IsRead;

    private const EwsItemField AllFields =
        DefaultFields | EwsItemField.Categories | EwsItemField.InReplyTo | EwsItemField.ReminderIsSet | EwsItemField.Culture
        | EwsItemField.EffectiveRights | EwsItemField.IsAssociated | EwsItemField.ConversationId | EwsItemField.Flag
        | EwsItemField.BccRecipients | EwsItemField.IsReadReceiptRequested | EwsItemField.IsDeliveryReceiptRequested
        | EwsItemField.InternetMessageId | EwsItemField.IsResponseRequested | EwsItemField.References | EwsItemField.ReplyTo
        | EwsItemField.InternetMessageHeaders;

    private static readonly FrozenDictionary<string, EwsItemField> _byFieldUri = new Dictionary<string, EwsItemField>(StringComparer.Ordinal)
    {
        ["item:ItemId"] = EwsItemField.ItemId,
        ["item:ParentFolderId"] = EwsItemField.ParentFolderId,
        ["item:ItemClass"] = EwsItemField.ItemClass,
        ["item:MimeContent"] = EwsItemField.MimeContent,
        ["item:Attachments"] = EwsItemField.Attachments,
        ["item:Subject"] = EwsItemField.Subject,
        ["item:DateTimeReceived"] = EwsItemField.DateTimeReceived,
        ["item:Size"] = EwsItemField.Size,
        ["item:Categories"] = EwsItemField.Categories,
        ["item:HasAttachments"] = EwsItemField.HasAttachments,
        ["item:Importance"] = EwsItemField.Importance,
        ["item:InReplyTo"] = EwsItemField.InReplyTo,
        ["item:InternetMessageHeaders"] = EwsItemField.InternetMessageHeaders,
        ["item:IsAssociated"] = EwsItemField.IsAssociated,
        ["item:IsDraft"] = EwsItemField.IsDraft,
        ["item:IsFromMe"] = EwsItemField.IsFromMe,
        ["item:IsResend"] = EwsItemField.IsResend,
        ["item:IsSubmitted"] = EwsItemField.IsSubmitted,
        ["item:IsUnmodified"] = EwsItemField.IsUnmodified,
        ["item:DateTimeSent"] = EwsItemField.DateTimeSent,
        ["item:DateTimeCreated"] = EwsItemField.DateTimeCreated,
        ["item:Body"] = EwsItemField.Body,
        ["item:Sensitivity"] = EwsItemField.Sensitivity,
        ["item:ReminderIsSet"] = EwsItemField.ReminderIsSet,
        ["item:ReminderMinutesBeforeStart"] = EwsItemField.ReminderMinutesBeforeStart,
        ["item:DisplayTo"] = EwsItemField.DisplayTo,
        ["item:DisplayCc"] = EwsItemField.DisplayCc,
        ["item:Culture"] = EwsItemField.Culture,
        ["item:EffectiveRights"] = EwsItemField.EffectiveRights,
        ["item:LastModifiedName"] = EwsItemField.LastModifiedName,
        ["item:LastModifiedTime"] = EwsItemField.LastModifiedTime,
        ["item:ConversationId"] = EwsItemField.ConversationId,
        ["item:Flag"] = EwsItemField.Flag,
        ["item:TextBody"] = EwsItemField.TextBody,
        ["message:ConversationTopic"] = EwsItemField.ConversationTopic,
        ["message:InternetMessageId"] = EwsItemField.InternetMessageId,
        ["message:IsRead"] = EwsItemField.IsRead,
        ["message:IsResponseRequested"] = EwsItemField.IsResponseRequested,
        ["message:IsReadReceiptRequested"] = EwsItemField.IsReadReceiptRequested,
        ["message:IsDeliveryReceiptRequested"] = EwsItemField.IsDeliveryReceiptRequested,
        ["message:ReceivedBy"] = EwsItemField.ReceivedBy,
        ["message:ReceivedRepresenting"] = EwsItemField.ReceivedRepresenting,
        ["message:References"] = EwsItemField.References,
        ["message:ReplyTo"] = EwsItemField.ReplyTo,
        ["message:From"] = EwsItemField.From,
        ["message:Sender"] = EwsItemField.Sender,
        ["message:ToRecipients"] = EwsItemField.ToRecipients,
        ["message:CcRecipients"] = EwsItemField.CcRecipients,
        ["message:BccRecipients"] = EwsItemField.BccRecipients,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public bool Has(EwsItemField field) => (Fields & field) != 0;

    public bool NeedsMime => (Fields & EwsItemField.FromMime) != 0;

    public static bool TryMap(string fieldUri, out EwsItemField field) => _byFieldUri.TryGetValue(fieldUri, out field);

    /// <summary>
    /// Resolves <paramref name="shape"/> for <paramref name="use"/>. For FindItem, a whole-message property asked for by
    /// name is an error (returned in <paramref name="invalid"/>), as Exchange answers ErrorInvalidPropertyRequest.
    /// </summary>
    public static EwsItemPropertySet Resolve(EwsItemShape shape, EwsShapeUse use, out EwsPropertyPath? invalid)
    {
        invalid = null;
        var fields = shape.BaseShape switch
        {
            EwsBaseShape.IdOnly => EwsItemField.ItemId,
            EwsBaseShape.Default => DefaultFields,
            _ => AllFields,
        };
        if (use != EwsShapeUse.GetItem)
        {
            fields &= ~EwsItemField.Complex;
        }

        if (shape.IncludeMimeContent && use == EwsShapeUse.GetItem)
        {
            fields |= EwsItemField.MimeContent;
        }

        var extended = new List<EwsExtendedFieldPath>();
        foreach (var path in shape.AdditionalProperties)
        {
            switch (path)
            {
                case EwsFieldPath field when _byFieldUri.TryGetValue(field.FieldUri, out var flag):
                    if ((flag & EwsItemField.Complex) != 0 && use != EwsShapeUse.GetItem)
                    {
                        if (use == EwsShapeUse.FindItem)
                        {
                            invalid ??= path;
                        }

                        break;
                    }

                    fields |= flag;
                    break;
                case EwsExtendedFieldPath extendedPath:
                    extended.Add(extendedPath);
                    break;
            }
        }

        return new EwsItemPropertySet(fields, extended);
    }
}
