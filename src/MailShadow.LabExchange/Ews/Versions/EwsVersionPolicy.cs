using System.Diagnostics.CodeAnalysis;
using MailShadow.LabExchange.Ews.Protocol;

namespace MailShadow.LabExchange.Ews.Versions;

/// <summary>
/// What one emulated Exchange version answers: its <c>ServerVersionInfo</c> and which <c>RequestServerVersion</c> values it
/// accepts. A value newer than the server is <c>ErrorInvalidServerVersion</c>; a value no Exchange knows (such as
/// "Exchange2019", which Exchange 2019 itself rejects) is <c>ErrorInvalidRequest</c>, so that clients probing
/// versions newest-first fall back.
/// </summary>
internal sealed class EwsVersionPolicy
{
    // Every ExchangeVersionType value in order of age; a server accepts a prefix of this list.
    private static readonly string[] _requestVersions =
    [
        "Exchange2007", "Exchange2007_SP1", "Exchange2009", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2",
        "Exchange2012", "Exchange2013", "Exchange2013_SP1", "Exchange2015", "Exchange2016", "V2015_10_05",
        "V2016_01_06", "V2016_04_13", "V2016_07_13", "V2016_10_10", "V2017_01_07", "V2017_04_14", "V2017_07_11",
        "V2017_10_09", "V2018_01_08",
    ];

    private readonly int _newestAccepted;

    private EwsVersionPolicy(string name, EwsServerVersionInfo info, string newestAccepted)
    {
        Name = name;
        ServerVersionInfo = info;
        _newestAccepted = Array.IndexOf(_requestVersions, newestAccepted);
    }

    /// <summary>The emulated version's name, as configured.</summary>
    public string Name { get; }

    public EwsServerVersionInfo ServerVersionInfo { get; }

    /// <summary>The version names the lab emulates.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["Exchange2010_SP2", "Exchange2013", "Exchange2013_SP1", "Exchange2016", "Exchange2019"];

    public static bool TryCreate(string? exchangeVersion, [NotNullWhen(true)] out EwsVersionPolicy? policy)
    {
        policy = exchangeVersion switch
        {
            // Exchange 2010 SP3 (14.3) still reports the SP2 schema.
            "Exchange2010_SP2" => new EwsVersionPolicy(exchangeVersion, new EwsServerVersionInfo(14, 3, 123, 4, "Exchange2010_SP2"), "Exchange2010_SP2"),
            // Exchange 2013 CU23; cumulative updates report "V2_<n>" rather than a request version name.
            "Exchange2013" => new EwsVersionPolicy(exchangeVersion, new EwsServerVersionInfo(15, 0, 1497, 2, "V2_23"), "Exchange2013_SP1"),
            "Exchange2013_SP1" => new EwsVersionPolicy(exchangeVersion, new EwsServerVersionInfo(15, 0, 847, 32, "Exchange2013_SP1"), "Exchange2013_SP1"),
            // Exchange 2016 CU23 and 2019 CU14 both serve the V2017_07_11 schema.
            "Exchange2016" => new EwsVersionPolicy(exchangeVersion, new EwsServerVersionInfo(15, 1, 2507, 6, "V2017_07_11"), "V2017_07_11"),
            "Exchange2019" => new EwsVersionPolicy(exchangeVersion, new EwsServerVersionInfo(15, 2, 1544, 4, "V2017_07_11"), "V2017_07_11"),
            _ => null,
        };
        return policy is not null;
    }

    public static EwsVersionPolicy Create(string exchangeVersion) =>
        TryCreate(exchangeVersion, out var policy)
            ? policy
            : throw new ArgumentException($"Unknown Exchange version '{exchangeVersion}'; expected one of {string.Join(", ", Supported)}.", nameof(exchangeVersion));

    /// <summary>The fault for an unacceptable <c>RequestServerVersion</c>; null when the request may proceed.</summary>
    public EwsFault? Check(string? requestServerVersion)
    {
        if (requestServerVersion is null)
        {
            return null;
        }

        var index = Array.IndexOf(_requestVersions, requestServerVersion);
        if (index < 0)
        {
            return EwsFault.Of(EwsResponseCodes.ErrorInvalidRequest);
        }

        return index > _newestAccepted ? EwsFault.Of(EwsResponseCodes.ErrorInvalidServerVersion) : null;
    }
}
