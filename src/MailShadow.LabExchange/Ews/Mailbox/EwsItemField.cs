namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>The item properties the lab can show, as flags so a resolved shape is one number.</summary>
[Flags]
internal enum EwsItemField : long
{
    None = 0,
    ItemId = 1L << 0,
    ParentFolderId = 1L << 1,
    ItemClass = 1L << 2,
    Subject = 1L << 3,
    Sensitivity = 1L << 4,
    Body = 1L << 5,
    Attachments = 1L << 6,
    DateTimeReceived = 1L << 7,
    Size = 1L << 8,
    Categories = 1L << 9,
    Importance = 1L << 10,
    InReplyTo = 1L << 11,
    IsSubmitted = 1L << 12,
    IsDraft = 1L << 13,
    IsFromMe = 1L << 14,
    IsResend = 1L << 15,
    IsUnmodified = 1L << 16,
    InternetMessageHeaders = 1L << 17,
    DateTimeSent = 1L << 18,
    DateTimeCreated = 1L << 19,
    ReminderIsSet = 1L << 20,
    ReminderMinutesBeforeStart = 1L << 21,
    DisplayCc = 1L << 22,
    DisplayTo = 1L << 23,
    HasAttachments = 1L << 24,
    Culture = 1L << 25,
    EffectiveRights = 1L << 26,
    LastModifiedName = 1L << 27,
    LastModifiedTime = 1L << 28,
    IsAssociated = 1L << 29,
    ConversationId = 1L << 30,
    Flag = 1L << 31,
    TextBody = 1L << 32,
    Sender = 1L << 33,
    ToRecipients = 1L << 34,
    CcRecipients = 1L << 35,
    BccRecipients = 1L << 36,
    IsReadReceiptRequested = 1L << 37,
    IsDeliveryReceiptRequested = 1L << 38,
    ConversationTopic = 1L << 39,
    From = 1L << 40,
    InternetMessageId = 1L << 41,
    IsRead = 1L << 42,
    IsResponseRequested = 1L << 43,
    References = 1L << 44,
    ReplyTo = 1L << 45,
    ReceivedBy = 1L << 46,
    ReceivedRepresenting = 1L << 47,
    MimeContent = 1L << 48,

    /// <summary>Properties FindItem cannot return (and SyncFolderItems leaves out): they need the whole message.</summary>
    Complex = Body | Attachments | TextBody | MimeContent | ToRecipients | CcRecipients | BccRecipients | ReplyTo | InternetMessageHeaders,

    /// <summary>Properties read from the MIME rather than from the store's item record.</summary>
    FromMime = Sensitivity | Body | Attachments | InReplyTo | InternetMessageHeaders | DisplayCc | DisplayTo | HasAttachments
        | TextBody | Sender | ToRecipients | CcRecipients | BccRecipients | IsReadReceiptRequested | IsDeliveryReceiptRequested
        | References | ReplyTo,
}
