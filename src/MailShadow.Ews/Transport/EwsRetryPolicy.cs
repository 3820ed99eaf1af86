namespace MailShadow.Ews.Transport;

/// <summary>
/// Decides whether a failed attempt may be repeated. A read may always be repeated. A mutating call is repeated only when
/// the server provably did not act on it (the request never arrived whole, HTTP 429/503, <c>ErrorServerBusy</c>); when
/// its answer was lost it fails with <see cref="EwsOutcomeUnknownException"/> instead, because repeating it could apply it
/// twice. Retries are bounded; waits follow the server's request or back off exponentially.
/// </summary>
internal sealed class EwsRetryPolicy(EwsClientOptions options)
{
    public EwsRetryDecision Decide(bool isMutating, EwsAttemptFailure failure, int attempt, bool hasMessages)
    {
        var retryable = failure.Kind switch
        {
            EwsFailureKind.NotSent or EwsFailureKind.Throttled or EwsFailureKind.ServerBusy => true,
            EwsFailureKind.TransientFault or EwsFailureKind.ResponseLost or EwsFailureKind.ServerError => !isMutating,
            EwsFailureKind.FaultDuringProcessing => !isMutating && failure.Error.IsTransient,
            _ => false,
        };

        if (!retryable)
        {
            return isMutating && MayHaveBeenApplied(failure.Kind)
                ? EwsRetryDecision.Fail(new EwsOutcomeUnknownException(
                    $"The request was sent, but its outcome is unknown ({failure.Error.Message}). It was not retried: check whether it took effect before applying it again.",
                    failure.Error))
                : EwsRetryDecision.Fail(failure.Error);
        }

        if (attempt > options.MaxRetries || (failure.ServerDelay is { } asked && asked > options.MaxServerBackOff))
        {
            return hasMessages ? EwsRetryDecision.ReturnMessages : EwsRetryDecision.Fail(failure.Error);
        }

        return EwsRetryDecision.RetryAfter(failure.ServerDelay ?? BackOff(attempt));
    }

    /// <summary>The client's own wait before retry number <paramref name="attempt"/>: base × 2^(attempt−1), capped.</summary>
    public TimeSpan BackOff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks));
        return delay;
    }

    private static bool MayHaveBeenApplied(EwsFailureKind kind) => kind is EwsFailureKind.ResponseLost or EwsFailureKind.ServerError
        or EwsFailureKind.Unreadable or EwsFailureKind.FaultDuringProcessing or EwsFailureKind.TransientFault;
}
