namespace MailShadow.Ews.Transport;

/// <summary>The possible outcomes of <see cref="EwsRetryPolicy.Decide"/>.</summary>
internal enum EwsRetryAction
{
    /// <summary>Wait, then send the same request again.</summary>
    Retry,

    /// <summary>Throw the decision's error.</summary>
    Fail,

    /// <summary>Give the caller the response messages as they are (every one reported ErrorServerBusy).</summary>
    ReturnMessages,
}
