using System.Globalization;
using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Applying;

public sealed partial class RepairApplier
{
    private static readonly ItemShape _copySourceShape = new() { IncludeMimeContent = true, AdditionalProperties = [FieldUri.DateTimeReceived] };
    private static readonly ItemShape _matchShape = ItemShape.With(FieldUri.DateTimeReceived, FieldUri.Size, FieldUri.ParentFolderId);

    private async Task<RepairOutcome> CopyItemAsync(RepairContext context, CopyItemRepair repair, CancellationToken cancellationToken)
    {
        var folderId = await _folders.FindAsync(context, repair.ActiveFolderId, cancellationToken);
        if (folderId is null)
        {
            return UnknownFolder(context, repair.ActiveFolderId, repair.FolderPath);
        }

        if (context.Ambiguous && await FindStampedAsync(context.TargetClient, folderId, repair.CorrelationStamp, cancellationToken) is { } copied)
        {
            await PutAsync(context, IdMapKind.Item, repair.CorrelationStamp, repair.ActiveItemId, copied, cancellationToken);
            Log.FoundByStamp(_logger, context.Mailbox, repair.CorrelationStamp, repair.FolderPath, context.Target);
            return RepairOutcome.Applied(reason: "an earlier attempt made the copy (found by its correlation stamp)");
        }

        var read = (await context.SourceClient.GetItemAsync(new GetItemRequest([new ItemId(repair.ActiveItemId)]) { Shape = _copySourceShape }, cancellationToken))[0];
        if (!read.IsSuccess)
        {
            return IsNotFound(read)
                ? RepairOutcome.Skipped($"the active item {repair.CorrelationStamp} in {repair.FolderPath} is gone")
                : FromError(read, "GetItem", mutating: false);
        }

        var source = read.GetValueOrThrow();
        var mime = source.MimeContent?.Content ?? ReadOnlyMemory<byte>.Empty;
        if (MimeCheck.Problem(mime) is { } problem)
        {
            Log.CorruptSource(_logger, context.Mailbox, repair.CorrelationStamp, repair.FolderPath, problem);
            return RepairOutcome.Failed($"the active item's MIME content does not parse ({problem}); corrupt content is never copied");
        }

        var item = CopiedItem.Create(mime, repair, source.DateTimeReceived, CopiedItem.UsesLegacyFlag(context.TargetClient));
        var request = new CreateItemRequest([item]) { SavedItemFolderId = new FolderId(folderId), MessageDisposition = MessageDisposition.SaveOnly };
        var created = (await context.TargetClient.CreateItemAsync(request, cancellationToken))[0];
        if (!created.IsSuccess)
        {
            return created.ResponseCode == EwsResponseCodes.ErrorFolderNotFound
                ? RepairOutcome.Skipped($"the passive folder {repair.FolderPath} is gone")
                : FromError(created, "CreateItem", mutating: true);
        }

        await PutAsync(context, IdMapKind.Item, repair.CorrelationStamp, repair.ActiveItemId, created.GetValueOrThrow().Id, cancellationToken);
        return RepairOutcome.Applied(mime.Length);
    }

    private async Task<RepairOutcome> SoftDeleteItemAsync(RepairContext context, SoftDeleteItemRepair repair, CancellationToken cancellationToken) =>
        await SoftDeleteAsync(context, repair.PassiveItemId, $"the passive item {repair.CorrelationKey ?? repair.PassiveItemId} in {repair.FolderPath}", cancellationToken);

    private async Task<RepairOutcome> RemoveDuplicateAsync(RepairContext context, RemoveDuplicateRepair repair, CancellationToken cancellationToken)
    {
        // The surplus copy goes only while its twin is there to keep the content.
        var twin = (await context.TargetClient.GetItemAsync(new GetItemRequest([new ItemId(repair.KeptPassiveItemId)]), cancellationToken))[0];
        if (!twin.IsSuccess)
        {
            return IsNotFound(twin) || twin.ResponseCode == EwsResponseCodes.ErrorInvalidIdMalformed
                ? RepairOutcome.Skipped($"the copy of {repair.CorrelationKey} it duplicates is gone; nothing was deleted")
                : FromError(twin, "GetItem", mutating: false);
        }

        return await SoftDeleteAsync(context, repair.PassiveItemId, $"the duplicate of {repair.CorrelationKey} in {repair.FolderPath}", cancellationToken);
    }

    private async Task<RepairOutcome> SoftDeleteAsync(RepairContext context, string passiveItemId, string what, CancellationToken cancellationToken)
    {
        var result = (await context.TargetClient.DeleteItemAsync(new DeleteItemRequest([new ItemId(passiveItemId)], DeleteType.SoftDelete), cancellationToken))[0];
        if (!result.IsSuccess && !IsNotFound(result))
        {
            return FromError(result, "DeleteItem", mutating: true);
        }

        await RemoveAsync(context, IdMapKind.Item, passiveItemId, cancellationToken);
        if (result.IsSuccess)
        {
            return RepairOutcome.Applied();
        }

        // Gone: after an ambiguous attempt, most likely by that attempt.
        return context.Ambiguous ? RepairOutcome.Applied(reason: $"{what} is gone (an earlier attempt deleted it)") : RepairOutcome.Skipped($"{what} is gone");
    }

    private static async Task<RepairOutcome> UpdateItemPropertiesAsync(RepairContext context, UpdateItemPropertiesRepair repair, CancellationToken cancellationToken)
    {
        // Setting properties is idempotent: an ambiguous earlier attempt needs no check.
        var changes = PropertyUpdate.Changes(repair.Changes, CopiedItem.UsesLegacyFlag(context.TargetClient));
        if (changes.Count == 0)
        {
            return RepairOutcome.Applied(reason: "nothing to change");
        }

        // The repair carries no change key, and the passive side follows the active one whatever its version says.
        var request = new UpdateItemRequest([new ItemUpdate(new ItemId(repair.PassiveItemId), changes)]) { ConflictResolution = ConflictResolution.AlwaysOverwrite };
        var result = (await context.TargetClient.UpdateItemAsync(request, cancellationToken))[0];
        if (!result.IsSuccess)
        {
            return IsNotFound(result)
                ? RepairOutcome.Skipped($"the passive item {repair.CorrelationKey} in {repair.FolderPath} is gone")
                : FromError(result, "UpdateItem", mutating: true);
        }

        return RepairOutcome.Applied();
    }

    private async Task<RepairOutcome> MoveItemAsync(RepairContext context, MoveItemRepair repair, CancellationToken cancellationToken)
    {
        var destination = await _folders.FindAsync(context, repair.ActiveFolderId, cancellationToken);
        if (destination is null)
        {
            return UnknownFolder(context, repair.ActiveFolderId, repair.ToPath);
        }

        var result = (await context.TargetClient.MoveItemAsync(new MoveItemRequest(new FolderId(destination), [new ItemId(repair.PassiveItemId)]), cancellationToken))[0];
        if (result.IsSuccess)
        {
            await RecordMoveAsync(context, repair, result.Value?.Id, cancellationToken);
            return RepairOutcome.Applied();
        }

        if (!IsNotFound(result))
        {
            return FromError(result, "MoveItem", mutating: true);
        }

        // A moved item gets a new id, so after an ambiguous attempt the item is looked for in the destination.
        if (context.Ambiguous && await FindByKeyAsync(context.TargetClient, destination, repair.CorrelationKey, cancellationToken) is { } moved)
        {
            await RecordMoveAsync(context, repair, moved, cancellationToken);
            return RepairOutcome.Applied(reason: "an earlier attempt moved the item");
        }

        return await GetFolderAsync(context.TargetClient, destination, cancellationToken) is null
            ? RepairOutcome.Skipped($"the passive destination {repair.ToPath} is gone")
            : RepairOutcome.Skipped($"the passive item {repair.CorrelationKey} in {repair.FromPath} is gone");
    }

    /// <summary>
    /// Records the moved item's new id with its active counterpart: taken from the entry that held the old id, else
    /// from an <c>item:</c> key (which names the active id); else the entry holds the passive id alone.
    /// </summary>
    private async Task RecordMoveAsync(RepairContext context, MoveItemRepair repair, string? newId, CancellationToken cancellationToken)
    {
        var old = await _store.FindIdMapEntryAsync(context.Mailbox, IdMapKind.Item, context.Target, repair.PassiveItemId, cancellationToken);
        if (newId is null)
        {
            return;
        }

        var activeId = old?.IdOn(context.Source)
            ?? (repair.CorrelationKey.StartsWith(CorrelationKeys.ItemPrefix, StringComparison.Ordinal) ? repair.CorrelationKey[CorrelationKeys.ItemPrefix.Length..] : null);
        var write = new ReconciliationWrite().RemoveIdMap(context.Mailbox, IdMapKind.Item, context.Target, repair.PassiveItemId);
        var ids = activeId is null
            ? new[] { new SiteObjectId(context.Target, newId) }
            : [new SiteObjectId(context.Source, activeId), new SiteObjectId(context.Target, newId)];
        write.PutIdMap(new IdMapEntry(context.Mailbox, IdMapKind.Item, old?.CorrelationKey ?? repair.CorrelationKey, ids));
        await _store.WriteAsync(write, cancellationToken);
    }

    /// <summary>The id of an item in the folder that carries <paramref name="stamp"/>, or null.</summary>
    private static async Task<string?> FindStampedAsync(EwsClient client, string folderId, string stamp, CancellationToken cancellationToken)
    {
        var request = new FindItemRequest(new FolderId(folderId))
        {
            Restriction = Restriction.IsEqualTo(ReconciliationProperties.CorrelationStamp, stamp),
            MaxEntriesReturned = 10,
        };
        var page = await client.FindItemAsync(request, cancellationToken);
        if (!page.IsSuccess)
        {
            return IsNotFound(page) ? null : throw new EwsResponseException(page);
        }

        return page.Value is { Items.Count: > 0 } found ? found.Items[0].Id?.Id : null;
    }

    /// <summary>
    /// An item in the folder known by <paramref name="key"/>: one stamped with it, or for a Message-ID key one with that
    /// Message-ID, received time (to the second) and size. Null when there is none (a transaction key is not searchable).
    /// </summary>
    private static async Task<string?> FindByKeyAsync(EwsClient client, string folderId, string key, CancellationToken cancellationToken)
    {
        if (await FindStampedAsync(client, folderId, key, cancellationToken) is { } stamped)
        {
            return stamped;
        }

        if (!TryParseMessageKey(key, out var messageId, out var received, out var size))
        {
            return null;
        }

        var request = new FindItemRequest(new FolderId(folderId))
        {
            Shape = _matchShape,
            Restriction = Restriction.IsEqualTo(FieldUri.InternetMessageId, messageId),
            MaxEntriesReturned = 50,
        };
        var page = await client.FindItemAsync(request, cancellationToken);
        if (!page.IsSuccess)
        {
            return IsNotFound(page) ? null : throw new EwsResponseException(page);
        }

        return page.Value?.Items.FirstOrDefault(item =>
            item.Size == size
            && item.DateTimeReceived is { } time
            && time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond) == received.UtcTicks)?.Id?.Id;
    }

    /// <summary>Splits <c>mid:&lt;Message-ID&gt;|&lt;received&gt;|&lt;size&gt;</c> (the Message-ID may itself hold a bar).</summary>
    internal static bool TryParseMessageKey(string key, out string messageId, out DateTimeOffset received, out int size)
    {
        messageId = "";
        received = default;
        size = 0;
        if (!key.StartsWith(CorrelationKeys.MessagePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = key.AsSpan(CorrelationKeys.MessagePrefix.Length);
        var last = body.LastIndexOf('|');
        if (last <= 0)
        {
            return false;
        }

        var middle = body[..last].LastIndexOf('|');
        if (middle <= 0
            || !int.TryParse(body[(last + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out size)
            || !DateTimeOffset.TryParseExact(body[(middle + 1)..last], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out received))
        {
            return false;
        }

        messageId = body[..middle].ToString();
        received = received.ToUniversalTime();
        return true;
    }
}
