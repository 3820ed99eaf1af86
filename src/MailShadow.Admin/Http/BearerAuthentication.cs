using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MailShadow.Admin.Http;

/// <summary>Refuses every request without the right bearer token, before routing: no endpoint is reachable without it.</summary>
internal static class BearerAuthentication
{
    private const string Challenge = "Bearer realm=\"MailShadow admin\"";

    public static void UseBearerToken(this WebApplication app, BearerTokenCheck check, ILogger logger)
    {
        app.Use(async (context, next) =>
        {
            var result = check.Check(context.Request.Headers.Authorization);
            if (result == BearerTokenResult.Valid)
            {
                await next(context);
                return;
            }

            var (reason, detail) = result switch
            {
                BearerTokenResult.Missing => ("no Authorization header", "this API needs 'Authorization: Bearer <token>' (the token configured as MailShadow:Admin:Token)."),
                BearerTokenResult.NotBearer => ("not a Bearer credential", "the Authorization header must be 'Bearer <token>'."),
                _ => ("wrong token", "the bearer token is not valid."),
            };
            Log.AuthenticationFailed(logger, context.Request.Method, context.Request.Path.Value ?? "/", RemoteAddress.Of(context), reason);
            context.Response.Headers.WWWAuthenticate = result == BearerTokenResult.Missing ? Challenge : $"{Challenge}, error=\"invalid_token\"";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, detail);
        });
    }
}
