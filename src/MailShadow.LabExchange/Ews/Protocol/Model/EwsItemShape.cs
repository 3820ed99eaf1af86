namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>m:ItemShape</c>: the base shape, MIME and body options, and additional properties.</summary>
internal sealed record EwsItemShape(EwsBaseShape BaseShape, IReadOnlyList<EwsPropertyPath> AdditionalProperties)
{
    public bool IncludeMimeContent { get; init; }

    public EwsBodyType BodyType { get; init; } = EwsBodyType.Best;

    public static EwsItemShape IdOnly { get; } = new(EwsBaseShape.IdOnly, []);
}
