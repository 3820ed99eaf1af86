namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A property named in a shape, a restriction, a sort order or an update (EWS's <c>t:Path</c>).</summary>
internal abstract record EwsPropertyPath;
