namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>m:FolderShape</c>: the base shape and additional properties.</summary>
internal sealed record EwsFolderShape(EwsBaseShape BaseShape, IReadOnlyList<EwsPropertyPath> AdditionalProperties);
