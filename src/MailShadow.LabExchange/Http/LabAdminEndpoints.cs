using System.Text.Json;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.LabExchange.Http;

/// <summary>
/// The lab admin API under <c>/lab</c>: look inside the site and inject faults. Unauthenticated by design — the lab
/// listens on loopback for tests and the demo, never for anything else.
/// </summary>
internal static class LabAdminEndpoints
{
    public static IEndpointRouteBuilder MapLabAdmin(this IEndpointRouteBuilder endpoints)
    {
        var lab = endpoints.MapGroup("/lab");
        lab.MapGet("/mailboxes", GetMailboxes);
        lab.MapGet("/mailboxes/{address}/items", GetItems);
        lab.MapGet("/mailboxes/{address}/items/{id}/mime", GetMime);
        lab.MapPost("/mailboxes/{address}/invalidate-sync-states", InvalidateSyncStates);
        lab.MapGet("/stats", GetStats);
        lab.MapGet("/faults", GetFaults);
        lab.MapPost("/faults", (Delegate)AddFaultAsync);
        lab.MapDelete("/faults", ClearFaults);
        lab.MapDelete("/faults/{id}", RemoveFault);
        return endpoints;
    }

    private static IResult GetMailboxes(HttpContext context)
    {
        var store = Site(context).Store;
        var mailboxes = new List<LabMailboxDto>();
        foreach (var mailbox in store.GetMailboxes().OrderBy(m => m.Address, StringComparer.OrdinalIgnoreCase))
        {
            var folders = store.GetFolders(mailbox.Address);
            if (folders.Succeeded)
            {
                mailboxes.Add(new LabMailboxDto(mailbox.Address, mailbox.DisplayName, [.. folders.Value!.Select(ToDto)]));
            }
        }

        return Results.Json(mailboxes, LabJsonContext.Default.ListLabMailboxDto);
    }

    private static IResult GetItems(HttpContext context, string address, string? folder)
    {
        var store = Site(context).Store;
        var folders = store.GetFolders(address);
        if (!folders.Succeeded)
        {
            return NotFound($"No mailbox '{address}'.");
        }

        var byId = folders.Value!.ToDictionary(f => f.Id, StringComparer.Ordinal);
        IEnumerable<LabFolder> chosen = folders.Value!;
        if (folder is not null)
        {
            var match = FindFolder(folders.Value!, folder);
            if (match is null)
            {
                return NotFound($"No folder '{folder}' in mailbox '{address}' (give a distinguished name such as inbox, a display name or a folder id).");
            }

            chosen = [match];
        }

        var items = chosen
            .SelectMany(f => store.GetItems(f.Id).Value ?? [])
            .OrderBy(item => item.DateTimeReceived)
            .ThenBy(item => item.ChangeNumber)
            .Select(item => ToDto(item, byId[item.FolderId]))
            .ToList();
        return Results.Json(items, LabJsonContext.Default.ListLabItemDto);
    }

    private static IResult GetMime(HttpContext context, string address, string id)
    {
        var store = Site(context).Store;
        // Item ids are base64 and may hold '/', which routing leaves escaped in the value.
        var itemId = Uri.UnescapeDataString(id);
        var item = store.GetItem(itemId);
        if (!item.Succeeded || !string.Equals(item.Value!.Mailbox, address, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound($"No item '{itemId}' in mailbox '{address}'.");
        }

        var mime = store.GetMime(itemId);
        return mime.Succeeded ? Results.Bytes(mime.Value!, "message/rfc822") : NotFound($"No item '{itemId}' in mailbox '{address}'.");
    }

    private static IResult InvalidateSyncStates(HttpContext context, string address)
    {
        var site = Site(context);
        var invalidated = site.Store.InvalidateSyncStates(address);
        if (invalidated.Value is not { } generation)
        {
            return NotFound($"No mailbox '{address}'.");
        }

        Log.SyncStatesInvalidated(site.AdminLogger, site.SiteName, generation.Mailbox, generation.Generation);
        return Results.Json(new LabSyncGenerationDto(generation.Mailbox, generation.Generation), LabJsonContext.Default.LabSyncGenerationDto);
    }

    private static IResult GetStats(HttpContext context)
    {
        var site = Site(context);
        var counters = site.Counters;
        return Results.Json(
            new LabStatsDto(
                site.SiteName,
                site.Store.GetMailboxes().Count,
                site.Store.ItemCount,
                site.Store.DuplicatesSuppressed,
                counters.Sessions,
                counters.MessagesReceived,
                counters.RecipientsRejected,
                counters.FaultsStruck,
                counters.ConnectionsDropped,
                site.Store.CurrentChangeNumber),
            LabJsonContext.Default.LabStatsDto);
    }

    private static IResult GetFaults(HttpContext context) =>
        Results.Json([.. Site(context).Faults.List().Select(ToDto)], LabJsonContext.Default.ListLabFaultDto);

    private static async Task<IResult> AddFaultAsync(HttpContext context)
    {
        var site = Site(context);
        LabFaultRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, LabJsonContext.Default.LabFaultRequest, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return BadRequest("The body is not a fault.", [exception.Message]);
        }

        if (request is null)
        {
            return BadRequest("The body is not a fault.", ["It is empty."]);
        }

        var unknown = request.Unknown?.Keys.Select(key => $"{key}: not a field of a fault.").ToList() ?? [];
        if (request.Smtp is not null && request.Kind is not null && !string.Equals(request.Smtp, request.Kind, StringComparison.OrdinalIgnoreCase))
        {
            unknown.Add("smtp, kind: give one of them.");
        }

        var spec = LabSmtpFaultParser.Parse(request.Smtp ?? request.Kind, request.Reply, request.At, request.Recipients, request.Store, request.Times, out var errors);
        errors.InsertRange(0, unknown);
        if (spec is null || errors.Count > 0)
        {
            return BadRequest("The fault is not valid.", errors);
        }

        var fault = site.Faults.Add(spec);
        Log.FaultAdded(site.AdminLogger, site.SiteName, fault.Id, fault.Kind, fault.Stage);
        return Results.Json(ToDto(new LabSmtpFaultStatus(fault, 0)), LabJsonContext.Default.LabFaultDto, statusCode: StatusCodes.Status201Created);
    }

    private static IResult ClearFaults(HttpContext context)
    {
        var site = Site(context);
        var count = site.Faults.Clear();
        Log.FaultsCleared(site.AdminLogger, site.SiteName, count);
        return Results.NoContent();
    }

    private static IResult RemoveFault(HttpContext context, string id)
    {
        var site = Site(context);
        if (!site.Faults.Remove(id))
        {
            return NotFound($"No fault '{id}'.");
        }

        Log.FaultRemoved(site.AdminLogger, site.SiteName, id);
        return Results.NoContent();
    }

    private static LabSite Site(HttpContext context) => context.RequestServices.GetRequiredService<LabSite>();

    private static LabFolder? FindFolder(IReadOnlyList<LabFolder> folders, string name)
    {
        if (LabDistinguishedFolders.TryParse(name, out var well))
        {
            return folders.FirstOrDefault(f => f.DistinguishedFolder == well);
        }

        return folders.FirstOrDefault(f => string.Equals(f.Id, name, StringComparison.Ordinal))
            ?? folders.FirstOrDefault(f => string.Equals(f.DisplayName, name, StringComparison.OrdinalIgnoreCase));
    }

    private static LabFolderDto ToDto(LabFolder folder) => new(
        folder.Id,
        folder.ParentFolderId,
        folder.DisplayName,
        folder.DistinguishedFolder?.Name(),
        folder.TotalCount,
        folder.UnreadCount);

    private static LabItemDto ToDto(LabItem item, LabFolder folder) => new(
        item.Id,
        item.ChangeKey,
        folder.DistinguishedFolder?.Name() ?? folder.DisplayName,
        folder.Id,
        item.InternetMessageId,
        item.Subject,
        item.From?.Address,
        item.DateTimeReceived,
        item.Size,
        item.IsRead,
        item.TransactionId);

    private static LabFaultDto ToDto(LabSmtpFaultStatus status) => new(
        status.Fault.Id,
        status.Fault.Kind.Name(),
        status.Fault.Stage.Name(),
        status.Fault.Reply?.ToString(),
        status.Fault.Recipients,
        status.Fault.Kind == LabSmtpFaultKind.DropAfterData ? status.Fault.StoreMessage : null,
        status.Fault.Times,
        status.Hits);

    private static IResult NotFound(string error) =>
        Results.Json(new LabErrorDto(error), LabJsonContext.Default.LabErrorDto, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string error, IReadOnlyList<string> details) =>
        Results.Json(new LabErrorDto(error, details), LabJsonContext.Default.LabErrorDto, statusCode: StatusCodes.Status400BadRequest);
}
