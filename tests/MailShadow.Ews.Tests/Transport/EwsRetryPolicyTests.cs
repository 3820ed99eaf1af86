using System.Net;
using MailShadow.Ews.Transport;

namespace MailShadow.Ews.Tests.Transport;

/// <summary>The retry rule as a table: which failures a read and a mutating call may repeat.</summary>
public class EwsRetryPolicyTests
{
    private static readonly EwsClientOptions _options = new()
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(5),
        MaxServerBackOff = TimeSpan.FromMinutes(1),
    };

    private static readonly EwsRetryPolicy _policy = new(_options);

    private static EwsAttemptFailure Failure(EwsFailureKind kind, TimeSpan? serverDelay = null) => kind switch
    {
        EwsFailureKind.ServerBusy => new(kind, new EwsFaultException("ErrorServerBusy", null, serverDelay, null), serverDelay),
        EwsFailureKind.TransientFault => new(kind, new EwsFaultException("ErrorTooManyObjectsOpened", null, null, null)),
        EwsFailureKind.FaultDuringProcessing => new(kind, new EwsFaultException("ErrorInternalServerTransientError", null, null, null)),
        EwsFailureKind.Throttled => new(kind, new EwsHttpStatusException(HttpStatusCode.ServiceUnavailable, serverDelay), serverDelay),
        EwsFailureKind.ServerError => new(kind, new EwsHttpStatusException(HttpStatusCode.BadGateway, null)),
        EwsFailureKind.Unreadable => new(kind, new EwsProtocolException("bad")),
        EwsFailureKind.Rejected => new(kind, new EwsHttpStatusException(HttpStatusCode.Unauthorized, null)),
        _ => new(kind, new EwsConnectionException("lost")),
    };

    [Theory]
    [InlineData("NotSent", false, "retry")]
    [InlineData("NotSent", true, "retry")]
    [InlineData("Throttled", false, "retry")]
    [InlineData("Throttled", true, "retry")]
    [InlineData("ServerBusy", false, "retry")]
    [InlineData("ServerBusy", true, "retry")]
    [InlineData("TransientFault", false, "retry")]
    [InlineData("TransientFault", true, "unknown")]
    [InlineData("FaultDuringProcessing", false, "retry")]
    [InlineData("FaultDuringProcessing", true, "unknown")]
    [InlineData("ResponseLost", false, "retry")]
    [InlineData("ResponseLost", true, "unknown")]
    [InlineData("ServerError", false, "retry")]
    [InlineData("ServerError", true, "unknown")]
    [InlineData("Unreadable", false, "fail")]
    [InlineData("Unreadable", true, "unknown")]
    [InlineData("Rejected", false, "fail")]
    [InlineData("Rejected", true, "fail")]
    public void Decide_RetriesOnlyWhatIsSafe(string kind, bool isMutating, string expected)
    {
        var failure = Failure(Enum.Parse<EwsFailureKind>(kind));

        var decision = _policy.Decide(isMutating, failure, attempt: 1, hasMessages: false);

        var actual = decision.Action switch
        {
            EwsRetryAction.Retry => "retry",
            EwsRetryAction.Fail when decision.Error is EwsOutcomeUnknownException unknown && unknown.InnerException == failure.Error => "unknown",
            EwsRetryAction.Fail when decision.Error == failure.Error => "fail",
            _ => decision.Action.ToString(),
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    public void Decide_WithoutAServerWait_BacksOffExponentiallyUpToTheCap(int attempt, int seconds)
    {
        var decision = _policy.Decide(false, Failure(EwsFailureKind.NotSent), attempt, hasMessages: false);

        Assert.Equal(TimeSpan.FromSeconds(seconds), decision.Delay);
        Assert.Equal(TimeSpan.FromSeconds(5), _policy.BackOff(10));
    }

    [Fact]
    public void Decide_WithAServerWait_UsesItExactly()
    {
        var decision = _policy.Decide(true, Failure(EwsFailureKind.ServerBusy, TimeSpan.FromMilliseconds(2345)), 1, hasMessages: false);

        Assert.Equal((EwsRetryAction.Retry, TimeSpan.FromMilliseconds(2345)), (decision.Action, decision.Delay));
    }

    [Fact]
    public void Decide_AfterMaxRetries_GivesUpWithTheLastError_OrReturnsTheBusyMessages()
    {
        var failure = Failure(EwsFailureKind.ServerBusy, TimeSpan.FromSeconds(1));

        Assert.Equal(EwsRetryAction.Retry, _policy.Decide(false, failure, 3, hasMessages: false).Action);
        Assert.Same(failure.Error, _policy.Decide(false, failure, 4, hasMessages: false).Error);
        Assert.Equal(EwsRetryAction.ReturnMessages, _policy.Decide(false, failure, 4, hasMessages: true).Action);
    }

    [Fact]
    public void Decide_WhenTheServerAsksForTooLong_GivesUpAtOnce()
    {
        var failure = Failure(EwsFailureKind.Throttled, TimeSpan.FromMinutes(2));

        var decision = _policy.Decide(true, failure, 1, hasMessages: false);

        Assert.Same(failure.Error, decision.Error);
        Assert.Equal(TimeSpan.FromMinutes(2), ((EwsHttpStatusException)decision.Error!).RetryAfter);
    }
}
