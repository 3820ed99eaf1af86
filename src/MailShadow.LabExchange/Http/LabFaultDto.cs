namespace MailShadow.LabExchange.Http;

/// <summary>A fault in force, as <c>GET /lab/faults</c> lists it; <c>smtp</c> is its kind.</summary>
internal sealed record LabFaultDto(
    string Id,
    string Smtp,
    string At,
    string? Reply,
    IReadOnlyList<string> Recipients,
    bool? Store,
    int? Times,
    int Hits);
