namespace MailShadow.Ews.Transport;

/// <summary>What went wrong with one attempt, in the terms that decide whether it may be repeated.</summary>
internal enum EwsFailureKind
{
    /// <summary>The request never reached the server whole (connection refused, reset while sending). Nothing happened.</summary>
    NotSent,

    /// <summary>HTTP 429 or 503: the server turned the request away before processing it.</summary>
    Throttled,

    /// <summary><c>ErrorServerBusy</c> (a fault, or every response message): refused before processing.</summary>
    ServerBusy,

    /// <summary>A load-related fault (connections, open objects, store unavailable) that a read may retry.</summary>
    TransientFault,

    /// <summary>A fault raised while the server may already have been working on the request (internal error, timeout).</summary>
    FaultDuringProcessing,

    /// <summary>The request was sent but the answer was lost: dropped connection, timeout.</summary>
    ResponseLost,

    /// <summary>A 5xx or gateway error without a SOAP fault: whether the server processed the request is unknown.</summary>
    ServerError,

    /// <summary>An answer arrived but cannot be accepted (malformed, too large, DTD, wrong shape).</summary>
    Unreadable,

    /// <summary>A definite refusal (401, 403, 404, an invalid request): the same request would fail again.</summary>
    Rejected,
}
