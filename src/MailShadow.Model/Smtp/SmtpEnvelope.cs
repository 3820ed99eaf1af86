using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailShadow.Model.Smtp;

/// <summary>
/// The SMTP envelope of an accepted message, stored as the metadata of its <see cref="TransactionKind.SmtpMessage"/>
/// transaction. Delivery sends from this envelope, never from the headers (Bcc recipients exist only here).
/// </summary>
/// <param name="Sender">The reverse-path; null for the null sender <c>&lt;&gt;</c> (bounces, which never get a DSN).</param>
/// <param name="Recipients">The accepted forward-paths, in the order the client gave them.</param>
/// <param name="ReceivedAt">When the appliance accepted the message.</param>
/// <param name="ClientAddress">The connecting client's address, for the audit trail.</param>
/// <param name="Helo">The EHLO/HELO name the client gave.</param>
public sealed record SmtpEnvelope(
    string? Sender,
    IReadOnlyList<string> Recipients,
    DateTimeOffset ReceivedAt,
    string? ClientAddress = null,
    string? Helo = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ModelJsonContext.Default.SmtpEnvelope);

    public static SmtpEnvelope FromJson(string json) =>
        JsonSerializer.Deserialize(json, ModelJsonContext.Default.SmtpEnvelope)
        ?? throw new JsonException("The SMTP envelope is empty.");
}

/// <summary>The outcome of delivering one recipient of a message to one site, kept in the site's detail JSON.</summary>
/// <param name="Recipient">The recipient.</param>
/// <param name="Delivered">True when the site accepted it.</param>
/// <param name="Permanent">True when the site refused it permanently (5xx).</param>
/// <param name="Reply">The site's reply text, with its code.</param>
public sealed record RecipientOutcome(string Recipient, bool Delivered, bool Permanent, string? Reply);

/// <summary>The per-recipient outcomes of one message on one site.</summary>
public sealed record DeliveryDetail(IReadOnlyList<RecipientOutcome> Recipients)
{
    public string ToJson() => JsonSerializer.Serialize(this, ModelJsonContext.Default.DeliveryDetail);

    public static DeliveryDetail? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, ModelJsonContext.Default.DeliveryDetail);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SmtpEnvelope))]
[JsonSerializable(typeof(DeliveryDetail))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
