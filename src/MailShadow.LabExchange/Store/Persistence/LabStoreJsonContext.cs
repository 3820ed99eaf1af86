using System.Text.Json.Serialization;

namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>JSON for the small collections the database keeps in one column.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LabStoreJsonContext : JsonSerializerContext;
