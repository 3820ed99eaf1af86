namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>
/// An operation's answer: one message per requested id, in request order. <see cref="Messages"/> may be lazy — the
/// writer enumerates it once while writing, so work and memory follow the response out.
/// </summary>
internal sealed record EwsResponse(string OperationName, IEnumerable<EwsResponseMessage> Messages);
