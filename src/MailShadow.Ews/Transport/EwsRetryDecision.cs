namespace MailShadow.Ews.Transport;

/// <summary>What to do after a failed attempt.</summary>
internal readonly record struct EwsRetryDecision(EwsRetryAction Action, TimeSpan Delay, EwsException? Error)
{
    public static EwsRetryDecision RetryAfter(TimeSpan delay) => new(EwsRetryAction.Retry, delay, null);

    public static EwsRetryDecision Fail(EwsException error) => new(EwsRetryAction.Fail, TimeSpan.Zero, error);

    public static EwsRetryDecision ReturnMessages => new(EwsRetryAction.ReturnMessages, TimeSpan.Zero, null);
}
