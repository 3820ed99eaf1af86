namespace MailShadow.Ews.Tests.Support;

/// <summary>One request as the scripted server received it, with the schema's verdict on its envelope.</summary>
internal sealed record RecordedRequest(
    int Number,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string Operation,
    IReadOnlyList<string> SchemaErrors)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
