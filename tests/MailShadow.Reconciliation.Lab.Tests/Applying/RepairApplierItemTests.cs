using MailShadow.Ews.Model;
using MailShadow.Journal.Reconciliation;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using Xunit.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Applying;

public sealed class RepairApplierItemTests(ITestOutputHelper output)
{
    private static readonly SiteName _active = ApplyingHarness.Active;
    private static readonly SiteName _passive = ApplyingHarness.Passive;
    private static readonly ExtendedPropertyPath _messageFlags = ExtendedPropertyPath.Tagged(0x0E07, MapiPropertyType.Integer);

    private static readonly ItemShape _copyShape = new()
    {
        IncludeMimeContent = true,
        AdditionalProperties =
        [
            FieldUri.IsRead, FieldUri.Flag, FieldUri.Categories, FieldUri.Importance, FieldUri.IsDraft, FieldUri.DateTimeReceived,
            FieldUri.ParentFolderId, ReconciliationProperties.CorrelationStamp, _messageFlags,
        ],
    };

    [Fact]
    public async Task CopyItem_OfMailDeliveredOverSmtp_CopiesTheMimeByteForByte_WithStampPropertiesAndReceivedTime_AsReceivedMail()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        await LabMail.SendAsync(harness.Sites.Primary.SmtpPort, LabMail.Raw("quarterly figures"), TwoSites.Alice, ct);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var activeItem = Assert.Single(await harness.ItemsAsync(_active, activeInbox, ct)).Id!.Id;
        var properties = new ItemProperties(true, MessageFlag.Flagged, ["Finance", "Q3"], MessageImportance.High);
        var stamp = "mid:<figures@outside.test>|2026-11-24T10:00:01Z|1234";

        var outcome = await harness.ApplyAsync(new CopyItemRepair(activeItem, activeInbox, "/Inbox", stamp, properties, MimeParses: true), ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        var original = (await harness.GetItemAsync(_active, activeItem, _copyShape, ct)).GetValueOrThrow();
        var copyId = Assert.Single(await harness.ItemsAsync(_passive, passiveInbox, ct)).Id!.Id;
        var copy = (await harness.GetItemAsync(_passive, copyId, _copyShape, ct)).GetValueOrThrow();
        Assert.Equal(original.MimeContent!.Content.ToArray(), copy.MimeContent!.Content.ToArray());
        Assert.Equal(original.MimeContent.Length, outcome.BytesCopied);
        Assert.Equal(stamp, copy.GetExtendedProperty(ReconciliationProperties.CorrelationStamp)!.Value);
        Assert.True(copy.IsRead);
        Assert.Equal(FlagStatus.Flagged, copy.Flag!.Status);
        Assert.Equal(["Finance", "Q3"], copy.Categories);
        Assert.Equal(Importance.High, copy.Importance);
        Assert.False(copy.IsDraft);
        Assert.Equal(0, copy.GetExtendedProperty(_messageFlags)!.AsInt32()!.Value & 0x8);
        Assert.Equal(original.DateTimeReceived, copy.DateTimeReceived);
        var entry = await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Item, _passive, copyId, ct);
        Assert.Equal(stamp, entry!.CorrelationKey);
        Assert.Equal(activeItem, entry.IdOn(_active));
    }

    [Fact]
    public async Task CopyItem_ToAnExchange2010Site_SetsTheFlagAsFlagStatus_AndKeepsAnOldReceivedTime()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output, standbyVersion: "Exchange2010_SP2");
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var received = new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.Zero);
        var activeItem = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("to an older server"), ct, received: received);
        var properties = new ItemProperties(false, MessageFlag.Flagged, [], MessageImportance.Low);

        var outcome = await harness.ApplyAsync(new CopyItemRepair(activeItem, activeInbox, "/Inbox", "item:" + activeItem, properties, null), ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        var copy = Assert.Single(harness.Sites.Store(_passive).GetItems(passiveInbox).Value!);
        Assert.Equal(LabFlagStatus.Flagged, copy.FlagStatus);
        Assert.False(copy.IsRead);
        Assert.Equal(LabImportance.Low, copy.Importance);
        Assert.Equal(received, copy.DateTimeReceived);
        Assert.Equal(received, harness.Sites.Store(_active).GetItem(activeItem).Value!.DateTimeReceived);
    }

    [Fact]
    public async Task CopyItem_WhenTheActiveMimeDoesNotParse_FailsAndCopiesNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var corrupt = harness.Sites.Store(_active).CreateItem(activeInbox, new LabNewItem("\0\u0001 this is not a message, it has no header at all\r\n"u8.ToArray())).Value!.Id;

        var outcome = await harness.ApplyAsync(new CopyItemRepair(corrupt, activeInbox, "/Inbox", "item:" + corrupt, ItemProperties.Default, null), ct);

        Assert.Equal(RepairOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("does not parse", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(await harness.ItemsAsync(_passive, passiveInbox, ct));
    }

    [Fact]
    public async Task CopyItem_RunAgainAsAmbiguous_FindsTheCopyByItsStamp_AndMakesNoSecond()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var activeItem = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("copied once"), ct);
        await harness.PutMessageAsync(_passive, passiveInbox, LabMail.Raw("another message"), ct, stamp: "tx:someothercopy");
        var repair = new CopyItemRepair(activeItem, activeInbox, "/Inbox", "item:" + activeItem, ItemProperties.Default, true);

        var first = await harness.ApplyAsync(repair, ct);
        await harness.Store.RemoveIdMapAsync(TwoSites.Alice, IdMapKind.Item, _active, activeItem, ct);
        var again = await harness.ApplyAsync(repair, ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, first.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, again.Kind);
        Assert.Equal(0, again.BytesCopied);
        var stamped = (await harness.ItemsAsync(_passive, passiveInbox, ct, ItemShape.With(ReconciliationProperties.CorrelationStamp)))
            .Where(item => item.GetExtendedProperty(ReconciliationProperties.CorrelationStamp)?.Value == "item:" + activeItem)
            .ToList();
        var copy = Assert.Single(stamped);
        Assert.Equal(copy.Id!.Id, (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Item, _active, activeItem, ct))!.IdOn(_passive));
    }

    [Fact]
    public async Task CopyItem_WhenTheCreateItemAnswerIsLost_RetriesAsUnknown_ThenCompletesWithoutADuplicate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var activeItem = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("answer lost"), ct);
        var repair = new CopyItemRepair(activeItem, activeInbox, "/Inbox", "item:" + activeItem, ItemProperties.Default, null);
        await harness.SetFaultsAsync(_passive, new[] { new { kind = "DropConnection", count = 1, afterBytes = 40, operations = new[] { "CreateItem" } } }, ct);

        var lost = await harness.ApplyAsync(repair, ct);
        var retried = await harness.ApplyAsync(repair, ct, ambiguous: lost.OutcomeUnknown, attempt: 2);

        Assert.Equal(RepairOutcomeKind.Retry, lost.Kind);
        Assert.True(lost.OutcomeUnknown);
        Assert.Equal(RepairOutcomeKind.Applied, retried.Kind);
        Assert.Single(await harness.ItemsAsync(_passive, passiveInbox, ct));
    }

    [Fact]
    public async Task CopyItem_OfAnActiveItemThatVanished_IsSkipped()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var activeItem = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("deleted before the copy"), ct);
        Assert.Equal(LabStoreError.None, harness.Sites.Store(_active).DeleteItem(activeItem));

        var outcome = await harness.ApplyAsync(new CopyItemRepair(activeItem, activeInbox, "/Inbox", "item:" + activeItem, ItemProperties.Default, null), ct);

        Assert.Equal(RepairOutcomeKind.Skipped, outcome.Kind);
        Assert.Contains("gone", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(await harness.ItemsAsync(_passive, passiveInbox, ct));
    }

    [Fact]
    public async Task CopyItem_WhenThePassiveSiteThrottles_IsRetriedWithNothingMade()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var activeItem = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("throttled"), ct);
        await harness.SetFaultsAsync(_passive, new[] { new { kind = "Throttle", backOffMilliseconds = 10, operations = new[] { "CreateItem" } } }, ct);

        var outcome = await harness.ApplyAsync(new CopyItemRepair(activeItem, activeInbox, "/Inbox", "item:" + activeItem, ItemProperties.Default, null), ct);

        Assert.Equal(RepairOutcomeKind.Retry, outcome.Kind);
        Assert.False(outcome.OutcomeUnknown);
        Assert.Contains("ErrorServerBusy", outcome.Reason, StringComparison.Ordinal);
        await harness.ClearFaultsAsync(_passive, ct);
        Assert.Empty(await harness.ItemsAsync(_passive, passiveInbox, ct));
    }

    [Fact]
    public async Task UpdateItemProperties_ChangesOnlyTheGivenProperties()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var item = await harness.PutMessageAsync(_passive, passiveInbox, LabMail.Raw("properties"), ct);
        harness.Sites.Store(_passive).UpdateItem(item, null, new LabItemUpdate { Categories = ["Keep"], Importance = LabImportance.High });

        var outcome = await harness.ApplyAsync(
            new UpdateItemPropertiesRepair(item, passiveInbox, "/Inbox", "item:x", new PropertyChanges(IsRead: true, Flag: MessageFlag.Complete)), ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        var updated = harness.Sites.Store(_passive).GetItem(item).Value!;
        Assert.True(updated.IsRead);
        Assert.Equal(LabFlagStatus.Complete, updated.FlagStatus);
        Assert.Equal(["Keep"], updated.Categories);
        Assert.Equal(LabImportance.High, updated.Importance);

        var cleared = await harness.ApplyAsync(
            new UpdateItemPropertiesRepair(item, passiveInbox, "/Inbox", "item:x", new PropertyChanges(Categories: [], Importance: MessageImportance.Normal)), ct);
        Assert.Equal(RepairOutcomeKind.Applied, cleared.Kind);
        updated = harness.Sites.Store(_passive).GetItem(item).Value!;
        Assert.Empty(updated.Categories);
        Assert.Equal(LabImportance.Normal, updated.Importance);
        Assert.True(updated.IsRead);
    }

    [Fact]
    public async Task MoveItem_MovesTheItemNotACopy_RecordsItsNewId_AndAgainAsAmbiguousFindsItMoved()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeArchive = await harness.CreateFolderAsync(_active, activeRoot, "Archive", ct);
        var passiveArchive = await harness.CreateFolderAsync(_passive, passiveRoot, "Archive", ct);
        await harness.PairFoldersAsync("path:/Archive", activeArchive, passiveArchive, ct);
        var activeItem = await harness.PutMessageAsync(_active, activeArchive, LabMail.Raw("moved"), ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var key = "item:" + activeItem;
        var passiveItem = await harness.PutMessageAsync(_passive, passiveInbox, LabMail.Raw("moved"), ct, stamp: key);
        await harness.Store.PutIdMapAsync(new IdMapEntry(TwoSites.Alice, IdMapKind.Item, key, [new SiteObjectId(_active, activeItem), new SiteObjectId(_passive, passiveItem)]), ct);
        var repair = new MoveItemRepair(passiveItem, "/Inbox", activeArchive, "/Archive", key);

        var outcome = await harness.ApplyAsync(repair, ct);
        var again = await harness.ApplyAsync(repair, ct, ambiguous: true);
        var plain = await harness.ApplyAsync(repair, ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, again.Kind);
        Assert.Equal(RepairOutcomeKind.Skipped, plain.Kind);
        Assert.Empty(await harness.ItemsAsync(_passive, passiveInbox, ct));
        var moved = Assert.Single(await harness.ItemsAsync(_passive, passiveArchive, ct)).Id!.Id;
        Assert.NotEqual(passiveItem, moved);
        var entry = await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Item, _active, activeItem, ct);
        Assert.Equal(moved, entry!.IdOn(_passive));
        Assert.Null(await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Item, _passive, passiveItem, ct));
    }

    [Fact]
    public async Task MoveItem_FoundAfterAnAmbiguousMoveByItsMessageIdTimeAndSize()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var passiveJunk = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.JunkEmail, ct);
        var passiveItem = await harness.PutMessageAsync(_passive, passiveJunk, LabMail.Raw("not junk", messageId: "notjunk"), ct);
        var stored = harness.Sites.Store(_passive).GetItem(passiveItem).Value!;
        var key = FormattableString.Invariant($"mid:<notjunk@outside.test>|{stored.DateTimeReceived.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z|{stored.Size}");

        // The earlier attempt moved it, but its answer was lost.
        harness.Sites.Store(_passive).MoveItem(passiveItem, passiveInbox);
        var outcome = await harness.ApplyAsync(new MoveItemRepair(passiveItem, "/Junk Email", activeInbox, "/Inbox", key), ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Single(await harness.ItemsAsync(_passive, passiveInbox, ct));
    }

    [Fact]
    public async Task SoftDeleteItem_RemovesTheItemAndItsIdMapEntry_ThenAgainIsSkippedOrAppliedWhenAmbiguous()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var item = await harness.PutMessageAsync(_passive, passiveInbox, LabMail.Raw("extra"), ct);
        await harness.Store.PutIdMapAsync(new IdMapEntry(TwoSites.Alice, IdMapKind.Item, "item:x", [new SiteObjectId(_passive, item)]), ct);
        var repair = new SoftDeleteItemRepair(item, passiveInbox, "/Inbox", "item:x");

        var outcome = await harness.ApplyAsync(repair, ct);
        var again = await harness.ApplyAsync(repair, ct);
        var ambiguous = await harness.ApplyAsync(repair, ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(RepairOutcomeKind.Skipped, again.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, ambiguous.Kind);
        Assert.Empty(await harness.ItemsAsync(_passive, passiveInbox, ct));
        Assert.Null(await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Item, _passive, item, ct));
    }

    [Fact]
    public async Task RemoveDuplicate_DeletesTheSurplusCopyAndKeepsItsTwin_ButNothingWhenTheTwinIsGone()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var raw = LabMail.Raw("delivered twice", messageId: "twice");
        var kept = await harness.PutMessageAsync(_passive, passiveInbox, raw, ct);
        var surplus = await harness.PutMessageAsync(_passive, passiveInbox, raw, ct);
        var third = await harness.PutMessageAsync(_passive, passiveInbox, raw, ct);

        var outcome = await harness.ApplyAsync(new RemoveDuplicateRepair(surplus, kept, passiveInbox, "/Inbox", "mid:<twice@outside.test>"), ct);
        Assert.Equal(LabStoreError.None, harness.Sites.Store(_passive).DeleteItem(kept));
        var orphaned = await harness.ApplyAsync(new RemoveDuplicateRepair(third, kept, passiveInbox, "/Inbox", "mid:<twice@outside.test>"), ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(RepairOutcomeKind.Skipped, orphaned.Kind);
        var left = Assert.Single(await harness.ItemsAsync(_passive, passiveInbox, ct));
        Assert.Equal(third, left.Id!.Id);
    }
}
