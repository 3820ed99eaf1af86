using MailShadow.Ews.Model;
using MailShadow.Journal.Reconciliation;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Repairs;
using Xunit.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Applying;

public sealed class RepairApplierFolderTests(ITestOutputHelper output)
{
    private static readonly SiteName _active = ApplyingHarness.Active;
    private static readonly SiteName _passive = ApplyingHarness.Passive;

    [Fact]
    public async Task CreateFolder_UnderTheRootThenUnderTheFolderJustCreated_CreatesBothAndRecordsThemInTheIdMap()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeProjects = await harness.CreateFolderAsync(_active, activeRoot, "Projects", ct);
        var activeYear = await harness.CreateFolderAsync(_active, activeProjects, "2026", ct);

        // The root is not in the id map: the applier pairs it by its distinguished name.
        var first = await harness.ApplyAsync(new CreateFolderRepair(activeProjects, activeRoot, "Projects", "IPF.Note", "/Projects"), ct);
        var second = await harness.ApplyAsync(new CreateFolderRepair(activeYear, activeProjects, "2026", "IPF.Note", "/Projects/2026"), ct);

        Assert.Equal(RepairOutcomeKind.Applied, first.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, second.Kind);
        var passiveProjects = (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _active, activeProjects, ct))!.IdOn(_passive)!;
        var passiveYear = (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _active, activeYear, ct))!.IdOn(_passive)!;
        var projects = await harness.GetFolderAsync(_passive, passiveProjects, ct);
        var year = await harness.GetFolderAsync(_passive, passiveYear, ct);
        Assert.Equal("Projects", projects!.DisplayName);
        Assert.Equal(await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct), projects.ParentFolderId!.Id);
        Assert.Equal("2026", year!.DisplayName);
        Assert.Equal(passiveProjects, year.ParentFolderId!.Id);
        var root = await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _active, activeRoot, ct);
        Assert.Equal("root", root!.CorrelationKey);
        Assert.Equal("path:/Projects/2026", (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _passive, passiveYear, ct))!.CorrelationKey);
    }

    [Fact]
    public async Task CreateFolder_RunAgainAsAmbiguous_AdoptsTheFolderAlreadyMade()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeFolder = await harness.CreateFolderAsync(_active, activeRoot, "Receipts", ct);

        // The earlier attempt created the folder but its outcome was lost before the id map was written.
        var made = await harness.CreateFolderAsync(_passive, passiveRoot, "Receipts", ct);
        var outcome = await harness.ApplyAsync(new CreateFolderRepair(activeFolder, activeRoot, "Receipts", "IPF.Note", "/Receipts"), ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(made, (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _active, activeFolder, ct))!.IdOn(_passive));
    }

    [Fact]
    public async Task CreateFolder_WhenTheNameIsTakenAndNothingIsAmbiguous_FailsWithTheEwsCode()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeFolder = await harness.CreateFolderAsync(_active, activeRoot, "Taken", ct);
        await harness.CreateFolderAsync(_passive, passiveRoot, "taken", ct);

        var outcome = await harness.ApplyAsync(new CreateFolderRepair(activeFolder, activeRoot, "Taken", "IPF.Note", "/Taken"), ct);

        Assert.Equal(RepairOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("ErrorFolderExists", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFolder_UnderAParentTheIdMapDoesNotKnow_IsRetriedThenSkipped()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeParent = await harness.CreateFolderAsync(_active, activeRoot, "Parent", ct);
        var activeChild = await harness.CreateFolderAsync(_active, activeParent, "Child", ct);
        var repair = new CreateFolderRepair(activeChild, activeParent, "Child", "IPF.Note", "/Parent/Child");

        var first = await harness.ApplyAsync(repair, ct, attempt: 1);
        var last = await harness.ApplyAsync(repair, ct, attempt: RepairApplier.UnknownFolderAttempts);

        Assert.Equal(RepairOutcomeKind.Retry, first.Kind);
        Assert.False(first.OutcomeUnknown);
        Assert.Equal(RepairOutcomeKind.Skipped, last.Kind);
        Assert.Contains("/Parent", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameFolder_GivesThePassiveFolderTheNewName()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var (activeFolder, passiveFolder) = await PairedFolderAsync(harness, "Old name", ct);

        var outcome = await harness.ApplyAsync(new RenameFolderRepair(passiveFolder, activeFolder, "Old name", "New name", "/New name"), ct);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal("New name", (await harness.GetFolderAsync(_passive, passiveFolder, ct))!.DisplayName);
        Assert.Equal("New name", harness.Sites.Store(_passive).GetFolder(passiveFolder).Value!.DisplayName);
    }

    [Fact]
    public async Task MoveFolder_MovesItUnderTheCounterpartOfTheActiveParent_AndAgainAsAmbiguousChangesNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var (activeFolder, passiveFolder) = await PairedFolderAsync(harness, "Travel", ct);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var passiveInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct);
        var repair = new MoveFolderRepair(passiveFolder, activeFolder, activeInbox, "/Travel", "/Inbox/Travel");

        var outcome = await harness.ApplyAsync(repair, ct);
        var again = await harness.ApplyAsync(repair, ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, again.Kind);
        var moved = await harness.GetFolderAsync(_passive, passiveFolder, ct);
        Assert.Equal(passiveInbox, moved!.ParentFolderId!.Id);
        Assert.Equal("path:/Inbox/Travel", (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _passive, passiveFolder, ct))!.CorrelationKey);
    }

    [Fact]
    public async Task DeleteFolder_SoftDeletesIt_NotIntoDeletedItems_ForgetsIt_AndAgainAsAmbiguousIsApplied()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var (_, passiveFolder) = await PairedFolderAsync(harness, "Obsolete", ct);
        await harness.PutMessageAsync(_passive, passiveFolder, LabMail.Raw("kept in the deleted folder"), ct);
        var repair = new DeleteFolderRepair(passiveFolder, "/Obsolete", 1, 0, WasPaired: true);

        var outcome = await harness.ApplyAsync(repair, ct);
        var again = await harness.ApplyAsync(repair, ct, ambiguous: true);

        Assert.Equal(RepairOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(RepairOutcomeKind.Applied, again.Kind);
        Assert.Null(await harness.GetFolderAsync(_passive, passiveFolder, ct));
        var deletedItems = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.DeletedItems, ct);
        Assert.Empty(harness.Sites.Store(_passive).GetChildFolders(deletedItems).GetValueOrThrow());
        Assert.Null(await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, IdMapKind.Folder, _passive, passiveFolder, ct));
    }

    [Fact]
    public async Task RenameFolder_OfAFolderThatVanished_IsSkipped()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var (activeFolder, passiveFolder) = await PairedFolderAsync(harness, "Short-lived", ct);
        Assert.Equal(LabStoreError.None, harness.Sites.Store(_passive).DeleteFolder(passiveFolder));

        var outcome = await harness.ApplyAsync(new RenameFolderRepair(passiveFolder, activeFolder, "Short-lived", "Renamed", "/Renamed"), ct);

        Assert.Equal(RepairOutcomeKind.Skipped, outcome.Kind);
        Assert.Contains("gone", outcome.Reason, StringComparison.Ordinal);
    }

    /// <summary>A folder under the root on both sites, paired in the id map.</summary>
    private static async Task<(string Active, string Passive)> PairedFolderAsync(ApplyingHarness harness, string name, CancellationToken ct)
    {
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var active = await harness.CreateFolderAsync(_active, activeRoot, name, ct);
        var passive = await harness.CreateFolderAsync(_passive, passiveRoot, name, ct);
        await harness.PairFoldersAsync("path:/" + name, active, passive, ct);
        return (active, passive);
    }
}
