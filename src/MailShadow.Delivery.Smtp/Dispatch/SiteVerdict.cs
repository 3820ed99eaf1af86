using MailShadow.Model.Smtp;

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>Where a message stands on one site after an attempt.</summary>
internal enum SiteVerdictKind
{
    /// <summary>Every recipient is delivered or refused for good, at least one delivered.</summary>
    Applied,

    /// <summary>Every recipient is refused for good.</summary>
    Failed,

    /// <summary>Some recipient may still succeed: try again later.</summary>
    Retry,
}

/// <summary>The per-recipient outcomes on a site and what they add up to.</summary>
/// <param name="Kind">Applied, Failed or Retry.</param>
/// <param name="Detail">Every recipient's outcome so far, stored as the site's detail JSON.</param>
/// <param name="Reason">For Failed, the refusals; for Retry, the last error; null when Applied.</param>
/// <param name="PermanentFailures">True when at least one recipient is refused for good on this site.</param>
internal sealed record SiteVerdict(SiteVerdictKind Kind, DeliveryDetail Detail, string? Reason, bool PermanentFailures);
