namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:FieldOrder</c> of a <c>m:SortOrder</c>.</summary>
internal sealed record EwsSortField(EwsPropertyPath Path, bool Descending);
