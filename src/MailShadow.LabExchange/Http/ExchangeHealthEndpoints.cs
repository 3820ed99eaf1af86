using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.LabExchange.Http;

/// <summary>
/// Exchange's per-virtual-directory health pages (what load balancers and the appliance's probes poll): 200 with a
/// small HTML page naming the server.
/// </summary>
internal static class ExchangeHealthEndpoints
{
    private static readonly string[] _virtualDirectories =
        ["owa", "EWS", "ecp", "mapi", "rpc", "oab", "Autodiscover", "Microsoft-Server-ActiveSync"];

    public static IEndpointRouteBuilder MapExchangeHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        foreach (var directory in _virtualDirectories)
        {
            endpoints.MapGet($"/{directory}/healthcheck.htm", HealthCheck);
        }

        return endpoints;
    }

    private static IResult HealthCheck(HttpContext context)
    {
        var site = context.RequestServices.GetRequiredService<LabSite>();
        return Results.Content($"<HTML><BODY><h1>200 OK</h1><p>server={site.ServerName}</p></BODY></HTML>", "text/html");
    }
}
