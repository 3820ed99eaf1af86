namespace MailShadow.Ews.Model;

/// <summary>
/// An attachment as listed on an item or returned by GetAttachment / CreateAttachment. <see cref="Content"/> is set for a
/// file attachment whose content was requested; <see cref="Item"/> for an item attachment whose item was requested.
/// </summary>
public sealed class AttachmentInfo
{
    /// <summary>True for <c>t:FileAttachment</c>, false for <c>t:ItemAttachment</c> (and reference attachments).</summary>
    public bool IsFile { get; internal set; }

    public AttachmentId? Id { get; internal set; }

    public string? Name { get; internal set; }

    public string? ContentType { get; internal set; }

    public string? ContentId { get; internal set; }

    public int? Size { get; internal set; }

    public DateTimeOffset? LastModifiedTime { get; internal set; }

    public bool? IsInline { get; internal set; }

    public ReadOnlyMemory<byte>? Content { get; internal set; }

    public EwsItem? Item { get; internal set; }

    public override string ToString() => $"{(IsFile ? "file" : "item")} attachment {Name ?? Id?.Id}";
}
