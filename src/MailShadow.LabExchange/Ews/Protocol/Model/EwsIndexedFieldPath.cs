namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:IndexedFieldURI</c>, for example "contacts:EmailAddress" with index "EmailAddress1".</summary>
internal sealed record EwsIndexedFieldPath(string FieldUri, string FieldIndex) : EwsPropertyPath
{
    public override string ToString() => $"{FieldUri}[{FieldIndex}]";
}
