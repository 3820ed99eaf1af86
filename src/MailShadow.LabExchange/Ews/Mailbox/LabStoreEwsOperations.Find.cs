using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    public IEnumerable<EwsFindItemMessage> FindItem(EwsCallContext context, FindItemRequest request)
    {
        var session = Session(context);
        var set = EwsItemPropertySet.Resolve(request.Shape, EwsShapeUse.FindItem, out var invalid);
        foreach (var reference in request.ParentFolderIds)
        {
            var folder = session.Folder(reference);
            if (folder.Value is not { } found)
            {
                yield return Error<EwsFindItemMessage>(folder.Error!);
                continue;
            }

            if (invalid is not null)
            {
                yield return Error<EwsFindItemMessage>(EwsResponseCodes.ErrorInvalidPropertyRequest) with { MessageXmlPath = invalid };
                continue;
            }

            var unsupported = request.Restriction is { } restriction
                ? EwsRestrictionEvaluator.FindUnsupported(restriction, Queryable)
                : request.SortOrder.Select(field => field.Path).FirstOrDefault(path => !Queryable(path).Supported);
            if (unsupported is not null)
            {
                yield return Error<EwsFindItemMessage>(EwsResponseCodes.ErrorUnsupportedPathForQuery) with { MessageXmlPath = unsupported };
                continue;
            }

            // The lab keeps no associated (FAI) or soft-deleted items: those traversals, and the Recoverable Items
            // folders, find nothing.
            var page = request.Traversal == "Shallow" && !EwsRecoverableItems.IsVirtual(found) ? Page(found, request) : new ItemPage([], 0, 0);
            if (page is null)
            {
                yield return Error<EwsFindItemMessage>(EwsResponseCodes.ErrorFolderNotFound);
                continue;
            }

            var views = new List<EwsItemView>(page.Items.Count);
            foreach (var item in page.Items)
            {
                views.Add(EwsItemViews.Build(item, set, request.Shape, session));
            }

            yield return new EwsFindItemMessage
            {
                RootFolder = new EwsPagedResult<EwsItemView>(views, request.Page.Offset + views.Count, page.Total, page.Start + views.Count >= page.Total),
            };
        }
    }

    private static EwsPropertyValue Queryable(EwsPropertyPath path) =>
        path is EwsExtendedFieldPath || (path is EwsFieldPath field && IsQueryableField(field.FieldUri))
            ? EwsPropertyValue.Missing
            : EwsPropertyValue.Unsupported;

    private static bool IsQueryableField(string fieldUri) => fieldUri is "item:Subject" or "message:InternetMessageId" or "item:ItemClass"
        or "item:ItemId" or "item:ParentFolderId" or "item:DateTimeReceived" or "item:DateTimeSent" or "item:DateTimeCreated"
        or "item:LastModifiedTime" or "message:IsRead" or "item:IsDraft" or "item:Importance" or "item:Size" or "item:Categories"
        or "message:From" or "message:Sender" or "message:ConversationTopic";

    /// <summary>
    /// One page of a folder's items. Without a restriction, and sorted by received time (or not at all), the page is
    /// cut straight from the folder's index; otherwise the matching items are collected first.
    /// </summary>
    private ItemPage? Page(LabFolder folder, FindItemRequest request)
    {
        var sort = request.SortOrder;
        var byReceivedOnly = sort.Count == 0 || (sort.Count == 1 && sort[0].Path is EwsFieldPath { FieldUri: "item:DateTimeReceived" });
        var descending = sort.Count == 0 || sort[0].Descending;
        var pageSize = Math.Min(request.Page.MaxEntriesReturned ?? MaxPageSize, MaxPageSize);
        if (request.Restriction is null && request.QueryString is null && byReceivedOnly)
        {
            return _indexes.Query(folder.Id, index =>
            {
                var start = request.Page.StartIndex(index.Count);
                var ids = index.Slice(start, Math.Min(pageSize, index.Count - start), descending);
                return new ItemPage([.. ids.Select(id => store.GetItem(id).Value).OfType<LabItem>()], start, index.Count);
            });
        }

        var candidates = _indexes.Query(folder.Id, index => Candidates(index, request.Restriction, descending));
        if (candidates is null)
        {
            return null;
        }

        var matches = new List<LabItem>();
        foreach (var id in candidates)
        {
            if (store.GetItem(id).Value is { } item
                && (request.Restriction is null || EwsRestrictionEvaluator.Matches(request.Restriction, path => EwsItemProperties.Get(item, path)))
                && (request.QueryString is null || (item.Subject ?? "").Contains(request.QueryString, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(item);
            }
        }

        if (!byReceivedOnly)
        {
            matches.Sort((left, right) => CompareBy(sort, left, right));
        }

        var first = request.Page.StartIndex(matches.Count);
        return new ItemPage(matches.GetRange(first, Math.Min(pageSize, matches.Count - first)), first, matches.Count);
    }

    /// <summary>The ids worth testing: a Message-ID equality is answered from the index, anything else scans the folder.</summary>
    private static List<string> Candidates(EwsFolderIndex index, EwsRestriction? restriction, bool descending)
    {
        if (restriction is EwsCompareRestriction { Comparison: EwsComparison.IsEqualTo, Path: EwsFieldPath { FieldUri: "message:InternetMessageId" }, Constant: { } messageId })
        {
            var ids = index.ByMessageId(messageId).ToHashSet(StringComparer.Ordinal);
            return [.. index.All(descending).Where(ids.Contains)];
        }

        return [.. index.All(descending)];
    }

    private static int CompareBy(IReadOnlyList<EwsSortField> sort, LabItem left, LabItem right)
    {
        foreach (var field in sort)
        {
            var a = EwsItemProperties.Get(left, field.Path).Value;
            var b = EwsItemProperties.Get(right, field.Path).Value;
            var order = (a, b) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                (IComparable comparable, _) when a.GetType() == b.GetType() => a is string text
                    ? string.Compare(text, (string)b, StringComparison.OrdinalIgnoreCase)
                    : comparable.CompareTo(b),
                _ => 0,
            };
            if (order != 0)
            {
                return field.Descending ? -order : order;
            }
        }

        return string.CompareOrdinal(left.Id, right.Id);
    }

    private sealed record ItemPage(IReadOnlyList<LabItem> Items, int Start, int Total);
}
