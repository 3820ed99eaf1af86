namespace MailShadow.Ews.Model;

/// <summary>The properties to return for items (<c>m:ItemShape</c>).</summary>
public sealed record ItemShape
{
    public BaseShape BaseShape { get; init; } = BaseShape.IdOnly;

    /// <summary>Return <c>MimeContent</c> (GetItem only; FindItem and SyncFolderItems cannot).</summary>
    public bool? IncludeMimeContent { get; init; }

    public BodyType? BodyType { get; init; }

    public IReadOnlyList<PropertyPath> AdditionalProperties { get; init; } = [];

    /// <summary>Ids only.</summary>
    public static ItemShape IdOnly { get; } = new();

    /// <summary>Ids plus the given properties.</summary>
    public static ItemShape With(params PropertyPath[] properties) => new() { AdditionalProperties = properties };
}
