using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Support;

/// <summary>Clients pointed at a scripted peer, with short waits so retry tests run quickly on a real clock.</summary>
internal static class TestClients
{
    public const string UserName = "svc-mailshadow@example.test";
    public const string Password = "Passw0rd!";

    public static EwsClientOptions Options(Uri url, Action<EwsClientOptions>? configure = null)
    {
        var options = new EwsClientOptions
        {
            Url = url.ToString(),
            UserName = UserName,
            Password = Password,
            RequestServerVersion = ExchangeVersion.Exchange2016,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(40),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 3,
        };
        configure?.Invoke(options);
        return options;
    }

    public static EwsClient Create(Uri url, ITestOutputHelper? output, Action<EwsClientOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(url, configure), time, new TestOutputLogger<EwsClient>(output));

    public static EwsClient Create(Uri url, TestOutputLogger<EwsClient> logger, Action<EwsClientOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(url, configure), time, logger);
}
