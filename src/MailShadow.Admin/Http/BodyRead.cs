namespace MailShadow.Admin.Http;

/// <summary>A request body read as JSON: the value, or the status and message to answer with.</summary>
internal readonly record struct BodyRead<T>(T? Value, int Status, string? Error)
    where T : class;
