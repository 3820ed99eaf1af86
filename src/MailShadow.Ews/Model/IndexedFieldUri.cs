namespace MailShadow.Ews.Model;

/// <summary>One entry of a dictionary property (<c>t:IndexedFieldURI</c>), such as <c>contacts:EmailAddress</c> / <c>EmailAddress1</c>.</summary>
public sealed record IndexedFieldUri : PropertyPath
{
    public IndexedFieldUri(string uri, string fieldIndex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldIndex);
        Uri = uri;
        FieldIndex = fieldIndex;
    }

    public string Uri { get; }

    public string FieldIndex { get; }

    public override string ToString() => $"{Uri}[{FieldIndex}]";
}
