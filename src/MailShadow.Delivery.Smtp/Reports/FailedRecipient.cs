using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>A recipient that every site refused for good, with each site's reply.</summary>
internal sealed record FailedRecipient(string Recipient, IReadOnlyList<SiteRefusal> Refusals);

/// <summary>One site's final refusal of one recipient.</summary>
internal sealed record SiteRefusal(SiteName Site, string Reply, DateTimeOffset At);
