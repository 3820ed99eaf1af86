namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A <c>t:Body</c>: text with its type ("HTML" or "Text").</summary>
internal sealed record EwsBody(string BodyType, string Text)
{
    public bool IsHtml => string.Equals(BodyType, "HTML", StringComparison.OrdinalIgnoreCase);
}
