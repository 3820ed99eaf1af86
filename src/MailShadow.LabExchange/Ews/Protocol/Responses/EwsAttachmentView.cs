namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>A <c>t:FileAttachment</c> or <c>t:ItemAttachment</c> as a response shows it.</summary>
internal sealed record EwsAttachmentView(bool IsFile, string AttachmentId)
{
    public string? RootItemId { get; init; }

    public string? RootItemChangeKey { get; init; }

    public string? Name { get; init; }

    public string? ContentType { get; init; }

    public string? ContentId { get; init; }

    public int? Size { get; init; }

    public DateTimeOffset? LastModifiedTime { get; init; }

    public bool? IsInline { get; init; }

    /// <summary>The bytes of a file attachment, written only by GetAttachment.</summary>
    public byte[]? Content { get; init; }

    /// <summary>The item of an item attachment, written only by GetAttachment.</summary>
    public EwsItemView? Item { get; init; }
}
