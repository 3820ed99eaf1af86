namespace MailShadow.Ews.Model;

/// <summary>A file attachment to add to an item.</summary>
public sealed record NewFileAttachment(string Name, ReadOnlyMemory<byte> Content)
{
    public string? ContentType { get; init; }

    public string? ContentId { get; init; }

    public bool? IsInline { get; init; }
}
