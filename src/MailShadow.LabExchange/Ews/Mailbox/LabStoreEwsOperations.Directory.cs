using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    /// <summary>
    /// Resolves against the lab's mailboxes, the way Exchange's ambiguous name resolution does: a whole address, or a
    /// prefix of the address, the display name, or a word of it.
    /// </summary>
    public IEnumerable<EwsResolveNamesMessage> ResolveNames(EwsCallContext context, ResolveNamesRequest request)
    {
        var entry = request.UnresolvedEntry.Trim();
        if (entry.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
        {
            entry = entry[5..];
        }

        var mailboxes = store.GetMailboxes();
        var exact = mailboxes.Where(mailbox => string.Equals(mailbox.Address, entry, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : [.. mailboxes.Where(mailbox => Matches(mailbox, entry)).OrderBy(mailbox => mailbox.Address, StringComparer.OrdinalIgnoreCase)];
        if (matches.Count == 0)
        {
            yield return Error<EwsResolveNamesMessage>(EwsResponseCodes.ErrorNameResolutionNoResults);
            yield break;
        }

        var resolutions = matches.Select(mailbox => new EwsResolutionView(new EwsMailbox(mailbox.DisplayName, mailbox.Address)) { IncludeContact = request.ReturnFullContactData }).ToList();
        yield return matches.Count == 1
            ? new EwsResolveNamesMessage { Resolutions = resolutions }
            : new EwsResolveNamesMessage
            {
                ResponseClass = EwsResponseClass.Warning,
                ResponseCode = EwsResponseCodes.ErrorNameResolutionMultipleResults,
                MessageText = EwsResponseCodes.MessageFor(EwsResponseCodes.ErrorNameResolutionMultipleResults),
                Resolutions = resolutions,
            };
    }

    /// <summary>
    /// Converts lab ids between formats. The lab's entry id is the EWS id's bytes, so EntryId, StoreId and the EWS
    /// forms are the same base64 text and HexEntryId is its hex.
    /// </summary>
    public IEnumerable<EwsConvertIdMessage> ConvertId(EwsCallContext context, ConvertIdRequest request)
    {
        var mailboxes = store.GetMailboxes();
        foreach (var source in request.SourceIds)
        {
            var bytes = Decode(source.Format, source.Id);
            var ewsId = bytes is null ? null : Convert.ToBase64String(bytes);
            if (ewsId is null || !LabIds.TryParse(ewsId, out var mailboxGuid, out _, out _))
            {
                yield return Error<EwsConvertIdMessage>(EwsResponseCodes.ErrorInvalidIdMalformed);
                continue;
            }

            var owner = mailboxes.FirstOrDefault(mailbox => mailbox.MailboxGuid == mailboxGuid);
            if (owner is null)
            {
                yield return Error<EwsConvertIdMessage>(EwsResponseCodes.ErrorItemNotFound);
                continue;
            }

            if (!string.Equals(owner.Address, context.Mailbox, StringComparison.OrdinalIgnoreCase))
            {
                yield return Error<EwsConvertIdMessage>(EwsResponseCodes.ErrorAccessDenied);
                continue;
            }

            var converted = request.DestinationFormat == "HexEntryId" ? Convert.ToHexString(bytes!) : ewsId;
            yield return new EwsConvertIdMessage { AlternateId = new EwsAlternateId(request.DestinationFormat, converted, owner.Address) };
        }
    }

    private static byte[]? Decode(string format, string id)
    {
        if (format == "HexEntryId")
        {
            try
            {
                return id.Length % 2 == 0 ? Convert.FromHexString(id) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        var buffer = new byte[id.Length];
        return Convert.TryFromBase64String(id, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool Matches(LabMailbox mailbox, string entry)
    {
        var at = mailbox.Address.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? mailbox.Address : mailbox.Address[..at];
        return local.StartsWith(entry, StringComparison.OrdinalIgnoreCase)
            || mailbox.Address.StartsWith(entry, StringComparison.OrdinalIgnoreCase)
            || mailbox.DisplayName.StartsWith(entry, StringComparison.OrdinalIgnoreCase)
            || mailbox.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(entry, StringComparison.OrdinalIgnoreCase));
    }
}
