using System.Text.Json;
using System.Text.Json.Serialization;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.LabExchange.Ews.Mailbox;

namespace MailShadow.LabExchange.Ews;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EwsFaultSet))]
[JsonSerializable(typeof(EwsFaultErrors))]
[JsonSerializable(typeof(EwsExportMetadata))]
internal sealed partial class EwsJsonContext : JsonSerializerContext;
