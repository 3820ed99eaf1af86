using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// Collects one site's listed items and reads their header blocks in full batches (one GetItem per
/// <see cref="SiteReader.BatchSize"/> items, across folders), so small folders do not cost a request each.
/// </summary>
internal sealed class HeaderReader(SiteReader site, Action<string> vanished)
{
    private readonly List<ItemSnapshot> _pending = [];

    /// <summary>Items whose headers have been read.</summary>
    public List<ItemSnapshot> Items { get; } = [];

    public async Task AddAsync(IReadOnlyList<ItemSnapshot> items, CancellationToken cancellationToken)
    {
        _pending.AddRange(items);
        while (_pending.Count >= site.BatchSize)
        {
            await ReadAsync(site.BatchSize, cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            await ReadAsync(_pending.Count, cancellationToken);
        }
    }

    private async Task ReadAsync(int count, CancellationToken cancellationToken)
    {
        var batch = _pending.GetRange(0, count);
        _pending.RemoveRange(0, count);
        Items.AddRange(await site.ReadHeadersAsync(batch, vanished, cancellationToken));
    }
}
