using MailShadow.Delivery.Smtp.Dispatch;
using MailShadow.Journal;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Tests.Dispatch;

public sealed class DeliveryWindowTests
{
    private static readonly DateTimeOffset _now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ItemsOfDifferentMailboxes_RunTogether_InJournalOrder()
    {
        var window = new DeliveryWindow();
        window.Add(Item(1, "a"), _now);
        window.Add(Item(2, "b"), _now);
        window.Add(Item(3, "c"), _now);

        Assert.Equal([1L, 2L, 3L], TakeAll(window).Select(i => i.Sequence));
        Assert.Equal(3, window.Running);
    }

    [Fact]
    public void LaterItemOfAMailbox_WaitsUntilTheEarlierOneIsFinal()
    {
        var window = new DeliveryWindow();
        var first = Item(1, "a");
        var second = Item(2, "a");
        var other = Item(3, "b");
        window.Add(first, _now);
        window.Add(second, _now);
        window.Add(other, _now);

        Assert.Equal([first, other], TakeAll(window));
        window.Complete(first, _now);
        Assert.Equal([second], TakeAll(window));
    }

    [Fact]
    public void ItemRescheduledForLater_KeepsItsMailboxBlocked_UntilItIsFinal()
    {
        var window = new DeliveryWindow();
        var first = Item(1, "a");
        var second = Item(2, "a", "b");
        var third = Item(3, "b");
        window.Add(first, _now);
        window.Add(second, _now);
        window.Add(third, _now);

        Assert.Equal([first], TakeAll(window));
        first.NextAttemptAt = _now.AddSeconds(10);
        window.Reschedule(first, _now);
        Assert.Empty(TakeAll(window));
        Assert.Equal(_now.AddSeconds(10), window.NextDueAt);

        Assert.Equal([first], TakeAll(window, _now.AddSeconds(10)));
        window.Complete(first, _now);

        // The second item was blocked by "a"; the third waits behind the second for "b".
        Assert.Equal([second], TakeAll(window));
        window.Complete(second, _now);
        Assert.Equal([third], TakeAll(window));
        window.Complete(third, _now);
        Assert.Equal(0, window.Count);
    }

    [Fact]
    public void ItemWithARetryTimeFromTheJournal_WaitsForIt()
    {
        var window = new DeliveryWindow();
        var item = Item(1, "a");
        item.NextAttemptAt = _now.AddMinutes(1);
        window.Add(item, _now);

        Assert.False(window.TryTakeReady(_now, out _));
        Assert.True(window.TryTakeReady(_now.AddMinutes(1), out var taken));
        Assert.Same(item, taken);
    }

    [Fact]
    public void Add_OutOfJournalOrder_Throws()
    {
        var window = new DeliveryWindow();
        window.Add(Item(5, "a"), _now);
        Assert.Throws<InvalidOperationException>(() => window.Add(Item(4, "b"), _now));
    }

    private static List<WorkItem> TakeAll(DeliveryWindow window, DateTimeOffset? at = null)
    {
        var taken = new List<WorkItem>();
        while (window.TryTakeReady(at ?? _now, out var item))
        {
            taken.Add(item);
        }

        return taken;
    }

    private static WorkItem Item(long sequence, params string[] mailboxes) =>
        new(new PendingWork(TransactionId.New(), sequence, TransactionKind.SmtpMessage, _now, mailboxes, "{}", 0, null, false, null));
}
