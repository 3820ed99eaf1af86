namespace MailShadow.LabExchange.Ews.Protocol;

/// <summary>The <c>t:ServerVersionInfo</c> SOAP header every response carries.</summary>
internal sealed record EwsServerVersionInfo(int MajorVersion, int MinorVersion, int MajorBuildNumber, int MinorBuildNumber, string Version);
