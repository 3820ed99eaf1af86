using System.Text.Json.Serialization;

namespace MailShadow.LabExchange.Http;

/// <summary>The admin API's JSON, generated at build time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(List<LabMailboxDto>))]
[JsonSerializable(typeof(List<LabItemDto>))]
[JsonSerializable(typeof(LabStatsDto))]
[JsonSerializable(typeof(LabFaultRequest))]
[JsonSerializable(typeof(LabFaultDto))]
[JsonSerializable(typeof(List<LabFaultDto>))]
[JsonSerializable(typeof(LabErrorDto))]
[JsonSerializable(typeof(LabSyncGenerationDto))]
internal sealed partial class LabJsonContext : JsonSerializerContext;
