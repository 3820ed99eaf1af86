namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A <c>t:ExtendedProperty</c>: a path and a single value or (for array types) several.</summary>
internal sealed record EwsExtendedProperty(EwsExtendedFieldPath Path, string? Value, IReadOnlyList<string>? Values = null);
