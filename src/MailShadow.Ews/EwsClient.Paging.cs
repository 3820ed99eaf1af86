using System.Runtime.CompilerServices;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews;

public sealed partial class EwsClient
{
    /// <summary>
    /// Every item FindItem matches, page by page from <see cref="FindItemRequest.Offset"/>. A failed page throws
    /// <see cref="EwsResponseException"/>; a server that stops advancing its offset fails with
    /// <see cref="EwsProtocolException"/> rather than looping.
    /// </summary>
    public async IAsyncEnumerable<EwsItem> FindAllItemsAsync(FindItemRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offset = request.Offset;
        while (true)
        {
            var page = (await FindItemAsync(request with { Offset = offset }, cancellationToken)).GetValueOrThrow();
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.IncludesLastItemInRange || page.Items.Count == 0)
            {
                yield break;
            }

            offset = NextOffset(offset, page.IndexedPagingOffset, "FindItem");
        }
    }

    /// <summary>Every folder FindFolder matches, page by page (see <see cref="FindAllItemsAsync"/>).</summary>
    public async IAsyncEnumerable<EwsFolder> FindAllFoldersAsync(FindFolderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offset = request.Offset;
        while (true)
        {
            var page = (await FindFolderAsync(request with { Offset = offset }, cancellationToken)).GetValueOrThrow();
            foreach (var folder in page.Folders)
            {
                yield return folder;
            }

            if (page.IncludesLastItemInRange || page.Folders.Count == 0)
            {
                yield break;
            }

            offset = NextOffset(offset, page.IndexedPagingOffset, "FindFolder");
        }
    }

    private static int NextOffset(int current, int next, string operation) =>
        next > current ? next : throw new EwsProtocolException($"{operation} paging did not advance (offset {current}, next {next}).") { Operation = operation };
}
