using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Repairs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Applies one repair to the passive site over EWS and records what it learned in the id map (new folder and item
/// ids, removals). Copies are made from the active item's MIME, re-parsed first (corrupt content is never copied), and
/// stamped with the correlation property in the same CreateItem, so an ambiguous attempt is recognised by the stamp and
/// never copied twice; other repairs re-check the passive side's state when ambiguous. Expected outcomes are values:
/// an object that vanished is <see cref="RepairOutcomeKind.Skipped"/>, throttling and connection failures are
/// <see cref="RepairOutcomeKind.Retry"/>, refusals that retrying cannot change are <see cref="RepairOutcomeKind.Failed"/>
/// with the EWS response code and text.
/// </summary>
public sealed partial class RepairApplier
{
    /// <summary>Attempts over which a destination folder unknown to the id map is waited for before the repair is skipped.</summary>
    internal const int UnknownFolderAttempts = 3;

    private readonly IReconciliationStore _store;
    private readonly PassiveFolders _folders;
    private readonly ILogger _logger;

    public RepairApplier(IReconciliationStore store, ILogger<RepairApplier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _folders = new PassiveFolders(store);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Applies <see cref="RepairContext.Repair"/>; cancellation surfaces as <see cref="OperationCanceledException"/>.</summary>
    public async Task<RepairOutcome> ApplyAsync(RepairContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(context.Repair);
        if (context.Ambiguous)
        {
            Log.CheckingAmbiguous(_logger, context.Mailbox, context.Repair.Kind, context.Target);
        }

        RepairOutcome outcome;
        try
        {
            outcome = context.Repair switch
            {
                CreateFolderRepair repair => await CreateFolderAsync(context, repair, cancellationToken),
                RenameFolderRepair repair => await RenameFolderAsync(context, repair, cancellationToken),
                MoveFolderRepair repair => await MoveFolderAsync(context, repair, cancellationToken),
                DeleteFolderRepair repair => await DeleteFolderAsync(context, repair, cancellationToken),
                CopyItemRepair repair => await CopyItemAsync(context, repair, cancellationToken),
                SoftDeleteItemRepair repair => await SoftDeleteItemAsync(context, repair, cancellationToken),
                UpdateItemPropertiesRepair repair => await UpdateItemPropertiesAsync(context, repair, cancellationToken),
                MoveItemRepair repair => await MoveItemAsync(context, repair, cancellationToken),
                RemoveDuplicateRepair repair => await RemoveDuplicateAsync(context, repair, cancellationToken),
                _ => RepairOutcome.Failed($"this version cannot apply a {context.Repair.Kind} repair"),
            };
        }
        catch (EwsOutcomeUnknownException ex)
        {
            outcome = RepairOutcome.Retry($"the answer to {ex.Operation ?? "a change"} was lost; it may have been applied: {ex.Message}", outcomeUnknown: true);
        }
        catch (EwsException ex) when (ex.IsTransient)
        {
            outcome = RepairOutcome.Retry(Describe(ex));
        }
        catch (EwsException ex)
        {
            outcome = RepairOutcome.Failed(Describe(ex));
        }
        catch (JournalException ex)
        {
            // The id map could not be written: the change on the passive side may have been made, so the next
            // attempt checks before making it again (and records what it finds).
            outcome = RepairOutcome.Retry($"the id map could not be written ({ex.Failure}): {ex.Message}", outcomeUnknown: true);
        }

        Log.Attempted(_logger, context.Mailbox, context.Repair.Kind, context.Target, outcome.Kind, outcome.Reason ?? "");
        return outcome;
    }

    private static string Describe(EwsException ex) => ex.ResponseCode is { } code
        ? $"{ex.Operation ?? "EWS"} {code}: {ex.MessageText ?? ex.Message}"
        : $"{ex.Operation ?? "EWS"}: {ex.Message}";

    /// <summary>The outcome of a per-item error other than the not-found codes each repair handles itself.</summary>
    private static RepairOutcome FromError(EwsResult result, string operation, bool mutating)
    {
        var text = $"{operation} {result.ResponseCode}: {result.MessageText ?? "(no text)"}";
        if (!EwsResponseCodes.IsTransient(result.ResponseCode))
        {
            return RepairOutcome.Failed(text);
        }

        // Only ErrorServerBusy proves a change was not made.
        return RepairOutcome.Retry(text, outcomeUnknown: mutating && result.ResponseCode != EwsResponseCodes.ErrorServerBusy);
    }

    private static bool IsNotFound(EwsResult result) =>
        result.ResponseCode is EwsResponseCodes.ErrorItemNotFound or EwsResponseCodes.ErrorFolderNotFound;

    /// <summary>A destination the id map does not know: waited for over the first attempts, then skipped.</summary>
    private static RepairOutcome UnknownFolder(RepairContext context, string activeFolderId, string path)
    {
        var reason = $"the passive counterpart of active folder {path} ({activeFolderId}) is not in the id map";
        return context.Attempt < UnknownFolderAttempts ? RepairOutcome.Retry(reason) : RepairOutcome.Skipped(reason);
    }

    private Task PutAsync(RepairContext context, IdMapKind kind, string key, string? activeId, string passiveId, CancellationToken cancellationToken)
    {
        SiteObjectId[] ids = activeId is null
            ? [new SiteObjectId(context.Target, passiveId)]
            : [new SiteObjectId(context.Source, activeId), new SiteObjectId(context.Target, passiveId)];
        return _store.PutIdMapAsync(new IdMapEntry(context.Mailbox, kind, key, ids), cancellationToken);
    }

    private Task RemoveAsync(RepairContext context, IdMapKind kind, string passiveId, CancellationToken cancellationToken) =>
        _store.RemoveIdMapAsync(context.Mailbox, kind, context.Target, passiveId, cancellationToken);
}
