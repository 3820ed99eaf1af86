namespace MailShadow.LabExchange.Ews.Protocol;

/// <summary>
/// The EWS response codes the lab answers with (values of <c>m:ResponseCodeType</c>), with the English message text
/// Exchange sends with each.
/// </summary>
internal static class EwsResponseCodes
{
    public const string NoError = "NoError";
    public const string ErrorAccessDenied = "ErrorAccessDenied";
    public const string ErrorBatchProcessingStopped = "ErrorBatchProcessingStopped";
    public const string ErrorCannotDeleteObject = "ErrorCannotDeleteObject";
    public const string ErrorCannotEmptyFolder = "ErrorCannotEmptyFolder";
    public const string ErrorChangeKeyRequired = "ErrorChangeKeyRequired";
    public const string ErrorDeleteDistinguishedFolder = "ErrorDeleteDistinguishedFolder";
    public const string ErrorFolderExists = "ErrorFolderExists";
    public const string ErrorFolderNotFound = "ErrorFolderNotFound";
    public const string ErrorImpersonateUserDenied = "ErrorImpersonateUserDenied";
    public const string ErrorIncorrectUpdatePropertyCount = "ErrorIncorrectUpdatePropertyCount";
    public const string ErrorInternalServerError = "ErrorInternalServerError";
    public const string ErrorInvalidAttachmentId = "ErrorInvalidAttachmentId";
    public const string ErrorInvalidChangeKey = "ErrorInvalidChangeKey";
    public const string ErrorInvalidExtendedPropertyValue = "ErrorInvalidExtendedPropertyValue";
    public const string ErrorInvalidIdMalformed = "ErrorInvalidIdMalformed";
    public const string ErrorInvalidOperation = "ErrorInvalidOperation";
    public const string ErrorInvalidPropertyRequest = "ErrorInvalidPropertyRequest";
    public const string ErrorInvalidPropertySet = "ErrorInvalidPropertySet";
    public const string ErrorInvalidRequest = "ErrorInvalidRequest";
    public const string ErrorInvalidServerVersion = "ErrorInvalidServerVersion";
    public const string ErrorInvalidSyncStateData = "ErrorInvalidSyncStateData";
    public const string ErrorInvalidValueForProperty = "ErrorInvalidValueForProperty";
    public const string ErrorIrresolvableConflict = "ErrorIrresolvableConflict";
    public const string ErrorItemNotFound = "ErrorItemNotFound";
    public const string ErrorMimeContentConversionFailed = "ErrorMimeContentConversionFailed";
    public const string ErrorMissingEmailAddress = "ErrorMissingEmailAddress";
    public const string ErrorInvalidPropertyDelete = "ErrorInvalidPropertyDelete";
    public const string ErrorInvalidPropertyAppend = "ErrorInvalidPropertyAppend";
    public const string ErrorFolderSave = "ErrorFolderSave";
    public const string ErrorItemSave = "ErrorItemSave";
    public const string ErrorInvalidIdNotAnItemAttachmentId = "ErrorInvalidIdNotAnItemAttachmentId";
    public const string ErrorMoveCopyFailed = "ErrorMoveCopyFailed";
    public const string ErrorMoveDistinguishedFolder = "ErrorMoveDistinguishedFolder";
    public const string ErrorNameResolutionMultipleResults = "ErrorNameResolutionMultipleResults";
    public const string ErrorNameResolutionNoResults = "ErrorNameResolutionNoResults";
    public const string ErrorNonExistentMailbox = "ErrorNonExistentMailbox";
    public const string ErrorSchemaValidation = "ErrorSchemaValidation";
    public const string ErrorServerBusy = "ErrorServerBusy";
    public const string ErrorSyncFolderNotFound = "ErrorSyncFolderNotFound";
    public const string ErrorUnsupportedPathForQuery = "ErrorUnsupportedPathForQuery";

    private static readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal)
    {
        [ErrorAccessDenied] = "Access is denied. Check credentials and try again.",
        [ErrorBatchProcessingStopped] = "Because of an error in an earlier item, processing of this item was stopped.",
        [ErrorCannotDeleteObject] = "The object cannot be deleted.",
        [ErrorCannotEmptyFolder] = "The folder cannot be emptied.",
        [ErrorChangeKeyRequired] = "ChangeKey is required for this operation.",
        [ErrorDeleteDistinguishedFolder] = "Distinguished folders cannot be deleted.",
        [ErrorFolderExists] = "A folder with the specified name already exists.",
        [ErrorFolderNotFound] = "The specified folder could not be found in the store.",
        [ErrorImpersonateUserDenied] = "The account does not have permission to impersonate the requested user.",
        [ErrorIncorrectUpdatePropertyCount] = "An object within a change description must contain one and only one property to modify.",
        [ErrorInternalServerError] = "An internal server error occurred. The operation failed.",
        [ErrorInvalidAttachmentId] = "The attachment id is not valid.",
        [ErrorInvalidChangeKey] = "ChangeKey is invalid.",
        [ErrorInvalidExtendedPropertyValue] = "The extended property value is inconsistent with its type.",
        [ErrorInvalidIdMalformed] = "Id is malformed.",
        [ErrorInvalidOperation] = "The operation is not supported by this server.",
        [ErrorInvalidPropertyRequest] = "The property is not valid for this operation.",
        [ErrorInvalidPropertySet] = "The property cannot be set on this object.",
        [ErrorInvalidRequest] = "The request is invalid.",
        [ErrorInvalidServerVersion] = "The specified server version is invalid.",
        [ErrorInvalidSyncStateData] = "Synchronization state data is corrupt or otherwise invalid.",
        [ErrorInvalidValueForProperty] = "The value is invalid for the property.",
        [ErrorIrresolvableConflict] = "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.",
        [ErrorItemNotFound] = "The specified object was not found in the store.",
        [ErrorMimeContentConversionFailed] = "The MIME content could not be converted.",
        [ErrorMissingEmailAddress] = "When making a request as an account that does not have a mailbox, you must specify the mailbox primary SMTP address for any distinguished folder Ids.",
        [ErrorFolderSave] = "The folder save operation failed.",
        [ErrorInvalidPropertyDelete] = "This property cannot be deleted.",
        [ErrorInvalidPropertyAppend] = "This property does not support append.",
        [ErrorItemSave] = "The item could not be saved.",
        [ErrorInvalidIdNotAnItemAttachmentId] = "The id is not an item attachment id.",
        [ErrorMoveCopyFailed] = "The move or copy operation failed.",
        [ErrorMoveDistinguishedFolder] = "Distinguished folders cannot be moved.",
        [ErrorNameResolutionMultipleResults] = "Multiple results were found.",
        [ErrorNameResolutionNoResults] = "No results were found.",
        [ErrorNonExistentMailbox] = "The SMTP address has no mailbox associated with it.",
        [ErrorSchemaValidation] = "The request failed schema validation.",
        [ErrorServerBusy] = "The server cannot service this request right now. Try again later.",
        [ErrorSyncFolderNotFound] = "The folder for synchronization could not be found.",
        [ErrorUnsupportedPathForQuery] = "The property path is not supported for this type of query.",
    };

    /// <summary>The message text Exchange sends with <paramref name="code"/>.</summary>
    public static string MessageFor(string code) => _messages.TryGetValue(code, out var text) ? text : code;
}
