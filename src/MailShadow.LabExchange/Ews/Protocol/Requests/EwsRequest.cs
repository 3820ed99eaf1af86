namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>A parsed EWS operation: the first child of <c>soap:Body</c>.</summary>
internal abstract record EwsRequest
{
    /// <summary>The operation's element name, for example "GetFolder".</summary>
    public abstract string OperationName { get; }
}
