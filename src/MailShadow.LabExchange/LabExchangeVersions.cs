namespace MailShadow.LabExchange;

/// <summary>The Exchange versions the lab can emulate, as EWS names them.</summary>
public static class LabExchangeVersions
{
    public static IReadOnlyList<string> All { get; } =
        ["Exchange2010_SP2", "Exchange2013", "Exchange2013_SP1", "Exchange2016", "Exchange2019"];
}
