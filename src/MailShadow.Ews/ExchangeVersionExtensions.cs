namespace MailShadow.Ews;

/// <summary>Maps a configured version to the value EWS accepts in <c>RequestServerVersion</c>.</summary>
public static class ExchangeVersionExtensions
{
    public static string ToRequestServerVersion(this ExchangeVersion version) => version switch
    {
        ExchangeVersion.Exchange2010_SP2 => "Exchange2010_SP2",
        ExchangeVersion.Exchange2013 => "Exchange2013",
        ExchangeVersion.Exchange2013_SP1 => "Exchange2013_SP1",
        ExchangeVersion.Exchange2016 or ExchangeVersion.Exchange2019 or ExchangeVersion.ExchangeSE => "Exchange2016",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Exchange version."),
    };

    /// <summary>MarkAllItemsAsRead, folder DistinguishedFolderId and item flags need 2013 or later.</summary>
    public static bool IsAtLeast2013(this ExchangeVersion version) => version >= ExchangeVersion.Exchange2013;
}
