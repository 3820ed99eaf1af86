using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>A parsed response envelope: the server's version header, and either the response messages or a fault.</summary>
internal sealed record EwsResponse<T>(ServerVersionInfo? ServerVersion, IReadOnlyList<EwsResult<T>>? Messages, SoapFault? Fault);
