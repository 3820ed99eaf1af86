namespace MailShadow.Hosting;

/// <summary>Facts about this run that are not configuration: where state actually lives after <c>--data</c>.</summary>
/// <param name="DataDirectory">The resolved, absolute data directory.</param>
internal sealed record ApplianceContext(string DataDirectory);
