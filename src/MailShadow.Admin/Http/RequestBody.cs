using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace MailShadow.Admin.Http;

/// <summary>Reads a small JSON request body, turning each way it can be wrong into a status and a message naming the problem.</summary>
internal static class RequestBody
{
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength > AdminApiOptions.MaxRequestBodySize)
        {
            return TooLarge<T>();
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new BodyRead<T>(null, StatusCodes.Status415UnsupportedMediaType, $"the request body must be JSON (Content-Type: application/json), not {Problems.Quote(contentType)}.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, context.RequestAborted);
            return value is null
                ? new BodyRead<T>(null, StatusCodes.Status400BadRequest, "the request body must be a JSON object, not null.")
                : new BodyRead<T>(value, StatusCodes.Status200OK, null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at '{ex.Path.TrimStart('$', '.')}'";
            return new BodyRead<T>(null, StatusCodes.Status400BadRequest, $"the request body is not valid{where}: {FirstSentence(ex.Message)}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>();
        }
        catch (BadHttpRequestException ex)
        {
            return new BodyRead<T>(null, ex.StatusCode, ex.Message);
        }
    }

    private static BodyRead<T> TooLarge<T>()
        where T : class =>
        new(null, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {AdminApiOptions.MaxRequestBodySize} bytes.");

    /// <summary>System.Text.Json appends the path and byte position to its messages; the path is already said.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
