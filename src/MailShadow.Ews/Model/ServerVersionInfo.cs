namespace MailShadow.Ews.Model;

/// <summary>
/// The server's build as its response header reports it (<c>t:ServerVersionInfo</c>). Exchange 2016 and 2019 both say
/// <c>Version="V2017_07_11"</c>; the build numbers tell them apart (15.1 is 2016, 15.2 is 2019 and SE).
/// </summary>
public sealed record ServerVersionInfo(int MajorVersion, int MinorVersion, int MajorBuildNumber, int MinorBuildNumber, string? Version)
{
    public override string ToString() => $"{MajorVersion}.{MinorVersion}.{MajorBuildNumber}.{MinorBuildNumber} ({Version ?? "no schema version"})";
}
