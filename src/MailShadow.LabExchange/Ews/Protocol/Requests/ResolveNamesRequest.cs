namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record ResolveNamesRequest(string UnresolvedEntry, bool ReturnFullContactData) : EwsRequest
{
    public override string OperationName => "ResolveNames";
}
