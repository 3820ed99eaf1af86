namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>An attachment to add (CreateAttachment): a file with its bytes, or an item.</summary>
internal sealed record EwsAttachmentContent
{
    public string? Name { get; init; }

    public string? ContentType { get; init; }

    public string? ContentId { get; init; }

    public bool IsInline { get; init; }

    /// <summary>The bytes of a <c>t:FileAttachment</c>; null for an item attachment.</summary>
    public byte[]? Content { get; init; }

    /// <summary>The item of a <c>t:ItemAttachment</c>; null for a file attachment.</summary>
    public EwsItemContent? Item { get; init; }
}
