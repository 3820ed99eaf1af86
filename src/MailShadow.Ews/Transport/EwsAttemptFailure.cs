namespace MailShadow.Ews.Transport;

/// <summary>A failed attempt: its kind, the exception that describes it, and the wait the server asked for, if any.</summary>
internal sealed record EwsAttemptFailure(EwsFailureKind Kind, EwsException Error, TimeSpan? ServerDelay = null);
