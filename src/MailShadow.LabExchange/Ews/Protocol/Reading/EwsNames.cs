using System.Xml.Linq;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Qualified names the request parsers look for.</summary>
internal static class EwsNames
{
    public static readonly XNamespace Soap = EwsNamespaces.Soap;
    public static readonly XNamespace M = EwsNamespaces.Messages;
    public static readonly XNamespace T = EwsNamespaces.Types;

    public static string Describe(XName name) => $"'{name.LocalName}' in namespace '{name.NamespaceName}'";
}
