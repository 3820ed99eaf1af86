using MailShadow.Admin.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MailShadow.Admin.Http;

/// <summary>Writes RFC 7807 problem documents.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new AdminProblem("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail);
        return context.Response.WriteAsJsonAsync(problem, AdminJsonContext.Default.AdminProblem, ContentType, context.RequestAborted);
    }

    /// <summary>Caller input echoed in a message, cut short so a 64 KiB value does not come back whole.</summary>
    public static string Quote(string value) => value.Length <= 80 ? $"'{value}'" : $"'{value[..80]}…'";
}
