namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>A connection for one attempt, or why there is none (the site is unreachable).</summary>
internal readonly record struct AcquireResult(SiteConnection? Connection, string? Failure)
{
    public static AcquireResult Unreachable(string failure) => new(null, failure);
}
