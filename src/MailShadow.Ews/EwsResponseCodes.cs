namespace MailShadow.Ews;

/// <summary>The EWS response codes MailShadow acts on (values of the schema's <c>ResponseCodeType</c>).</summary>
public static class EwsResponseCodes
{
    public const string NoError = "NoError";
    public const string ErrorServerBusy = "ErrorServerBusy";
    public const string ErrorTimeoutExpired = "ErrorTimeoutExpired";
    public const string ErrorTooManyObjectsOpened = "ErrorTooManyObjectsOpened";
    public const string ErrorExceededConnectionCount = "ErrorExceededConnectionCount";
    public const string ErrorInternalServerTransientError = "ErrorInternalServerTransientError";
    public const string ErrorInternalServerError = "ErrorInternalServerError";
    public const string ErrorMailboxStoreUnavailable = "ErrorMailboxStoreUnavailable";
    public const string ErrorConnectionFailed = "ErrorConnectionFailed";
    public const string ErrorItemNotFound = "ErrorItemNotFound";
    public const string ErrorFolderNotFound = "ErrorFolderNotFound";
    public const string ErrorFolderExists = "ErrorFolderExists";
    public const string ErrorInvalidIdMalformed = "ErrorInvalidIdMalformed";
    public const string ErrorInvalidChangeKey = "ErrorInvalidChangeKey";
    public const string ErrorChangeKeyRequired = "ErrorChangeKeyRequired";
    public const string ErrorIrresolvableConflict = "ErrorIrresolvableConflict";
    public const string ErrorStaleObject = "ErrorStaleObject";
    public const string ErrorInvalidSyncStateData = "ErrorInvalidSyncStateData";
    public const string ErrorSyncFolderNotFound = "ErrorSyncFolderNotFound";
    public const string ErrorMimeContentConversionFailed = "ErrorMimeContentConversionFailed";
    public const string ErrorMessageSizeExceeded = "ErrorMessageSizeExceeded";
    public const string ErrorMoveCopyFailed = "ErrorMoveCopyFailed";
    public const string ErrorAccessDenied = "ErrorAccessDenied";
    public const string ErrorDeleteDistinguishedFolder = "ErrorDeleteDistinguishedFolder";
    public const string ErrorNameResolutionNoResults = "ErrorNameResolutionNoResults";
    public const string ErrorNameResolutionMultipleResults = "ErrorNameResolutionMultipleResults";
    public const string ErrorBatchProcessingStopped = "ErrorBatchProcessingStopped";
    public const string ErrorInvalidRequest = "ErrorInvalidRequest";
    public const string ErrorInvalidServerVersion = "ErrorInvalidServerVersion";
    public const string ErrorSchemaValidation = "ErrorSchemaValidation";
    public const string ErrorImpersonateUserDenied = "ErrorImpersonateUserDenied";
    public const string ErrorNonExistentMailbox = "ErrorNonExistentMailbox";

    /// <summary>
    /// Codes that report load or a passing server condition: the same request may succeed later. Only
    /// <see cref="ErrorServerBusy"/> also proves that nothing was done.
    /// </summary>
    public static bool IsTransient(string? responseCode) => responseCode is ErrorServerBusy or ErrorTimeoutExpired
        or ErrorTooManyObjectsOpened or ErrorExceededConnectionCount or ErrorInternalServerTransientError
        or ErrorMailboxStoreUnavailable or ErrorConnectionFailed;
}
