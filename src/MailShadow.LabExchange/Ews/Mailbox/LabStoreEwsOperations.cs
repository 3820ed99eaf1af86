using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// The EWS operations over the lab store. Each method answers one message per requested id, in request order,
/// lazily: the work for an id is done when the writer reaches its message. Expected failures become error messages
/// with Exchange's response codes.
/// </summary>
internal sealed partial class LabStoreEwsOperations(LabStore store, string serverName, TimeProvider timeProvider) : IEwsOperations
{
    /// <summary>Exchange's default cap on the entries one FindItem or FindFolder page returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly EwsFolderIndexCache _indexes = new(store);

    private EwsMailboxSession Session(EwsCallContext context) => new(store, context);

    private static T Error<T>(string code)
        where T : EwsResponseMessage, new() =>
        new() { ResponseCode = code, ResponseClass = EwsResponseClass.Error, MessageText = EwsResponseCodes.MessageFor(code) };

    private static string Code(LabStoreError error, string notFound = EwsResponseCodes.ErrorItemNotFound) => error switch
    {
        LabStoreError.FolderNotFound => EwsResponseCodes.ErrorFolderNotFound,
        LabStoreError.ItemNotFound => notFound,
        LabStoreError.MailboxNotFound => EwsResponseCodes.ErrorNonExistentMailbox,
        LabStoreError.ChangeKeyMismatch => EwsResponseCodes.ErrorIrresolvableConflict,
        LabStoreError.FolderExists => EwsResponseCodes.ErrorFolderExists,
        LabStoreError.DistinguishedFolderProtected => EwsResponseCodes.ErrorDeleteDistinguishedFolder,
        LabStoreError.InvalidFolderMove => EwsResponseCodes.ErrorMoveCopyFailed,
        LabStoreError.CrossMailboxOperation => EwsResponseCodes.ErrorAccessDenied,
        LabStoreError.InvalidChangeNumber => EwsResponseCodes.ErrorInvalidSyncStateData,
        _ => EwsResponseCodes.ErrorInvalidRequest,
    };
}
