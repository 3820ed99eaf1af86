using MailShadow.Model;

namespace MailShadow.Ews;

/// <summary>The site names found under <c>MailShadow:Ews:Sites</c> at registration.</summary>
internal sealed record EwsSiteList(IReadOnlyList<SiteName> Sites);
