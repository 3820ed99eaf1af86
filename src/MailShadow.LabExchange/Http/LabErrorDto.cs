namespace MailShadow.LabExchange.Http;

/// <summary>Why a request failed.</summary>
internal sealed record LabErrorDto(string Error, IReadOnlyList<string>? Details = null);
