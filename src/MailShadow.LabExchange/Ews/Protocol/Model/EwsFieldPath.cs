namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:FieldURI</c>, for example "item:Subject" or "message:IsRead".</summary>
internal sealed record EwsFieldPath(string FieldUri) : EwsPropertyPath
{
    public override string ToString() => FieldUri;
}
