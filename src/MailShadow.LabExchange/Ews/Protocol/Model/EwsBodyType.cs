namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>The body format asked for in an item shape (<c>t:BodyType</c>).</summary>
internal enum EwsBodyType
{
    Best,
    Html,
    Text,
}
