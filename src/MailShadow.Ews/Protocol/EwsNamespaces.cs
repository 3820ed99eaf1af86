namespace MailShadow.Ews.Protocol;

/// <summary>The XML namespaces of EWS and SOAP.</summary>
internal static class EwsNamespaces
{
    public const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Messages = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public const string Types = "http://schemas.microsoft.com/exchange/services/2006/types";
    public const string Errors = "http://schemas.microsoft.com/exchange/services/2006/errors";

    public static bool IsSoap(string namespaceUri) => namespaceUri is Soap or Soap12;
}
