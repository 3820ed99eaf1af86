using MailShadow.LabExchange.Ews.Faults;
using MailShadow.LabExchange.Ews.Mailbox;
using MailShadow.LabExchange.Ews.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>
/// Maps the site's EWS endpoint, <c>/EWS/Exchange.asmx</c> (any case, as IIS matches it), over the site's store, and
/// the EWS section of the lab admin API, <c>/lab/faults/ews</c>: GET shows the active fault rules, POST replaces them
/// (a JSON <see cref="EwsFaultSet"/>), DELETE clears them.
/// </summary>
internal static class LabEwsEndpoints
{
    public static IEndpointRouteBuilder MapLabEws(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.ServiceProvider.GetRequiredService<LabSite>();
        var loggers = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger("MailShadow.LabExchange.Ews");
        var faults = new EwsFaultInjector();
        var operations = new LabStoreEwsOperations(site.Store, site.ServerName, site.TimeProvider);
        var handler = new EwsHttpHandler(Settings(site.Options), operations, address => site.Store.TryGetMailbox(address, out _), faults, site.TimeProvider, logger);

        endpoints.Map("/EWS/Exchange.asmx", handler.HandleAsync);
        endpoints.MapGet("/lab/faults/ews", () => Results.Json(faults.Snapshot(), EwsJsonContext.Default.EwsFaultSet));
        endpoints.MapPost("/lab/faults/ews", async (HttpContext context) =>
        {
            EwsFaultSet? set;
            try
            {
                set = await context.Request.ReadFromJsonAsync(EwsJsonContext.Default.EwsFaultSet, context.RequestAborted);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Results.Json(new EwsFaultErrors([ex.Message]), EwsJsonContext.Default.EwsFaultErrors, statusCode: StatusCodes.Status400BadRequest);
            }

            var errors = (set?.Rules ?? []).SelectMany((rule, index) => rule.Validate($"rules[{index}]")).ToList();
            if (set is null || errors.Count > 0)
            {
                return Results.Json(new EwsFaultErrors(set is null ? ["The body must be a JSON object with a \"rules\" array."] : errors), EwsJsonContext.Default.EwsFaultErrors, statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Set(set);
            EwsLog.FaultsChanged(logger, set.Rules.Count);
            return Results.Json(faults.Snapshot(), EwsJsonContext.Default.EwsFaultSet);
        });
        endpoints.MapDelete("/lab/faults/ews", () =>
        {
            faults.Clear();
            EwsLog.FaultsChanged(logger, 0);
            return Results.NoContent();
        });
        return endpoints;
    }

    /// <summary>The endpoint's settings from the lab's options (validated at start, so the version is known).</summary>
    public static EwsEndpointSettings Settings(LabExchangeOptions options) => new()
    {
        Version = EwsVersionPolicy.Create(options.ExchangeVersion),
        Users = [.. options.Users.Select(user => new EwsAccount(user.Address, user.Password, user.DisplayName))],
        ServiceAccount = options.ServiceAccount.IsConfigured
            ? new EwsAccount(options.ServiceAccount.Address, options.ServiceAccount.Password, null)
            : null,
    };
}
