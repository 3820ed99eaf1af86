namespace MailShadow.LabExchange.Tests.Infrastructure;

/// <summary>The options of a lab site as the lab configuration gives them: three users in example.test.</summary>
internal static class LabOptions
{
    public static LabExchangeOptions Create(string persistence = "Memory", string dataDirectory = "", bool autoCreate = false)
    {
        var options = new LabExchangeOptions
        {
            Persistence = persistence,
            DataDirectory = dataDirectory,
            AutoCreateMailboxes = autoCreate,
            ServiceAccount = new LabServiceAccountOptions { Address = "svc-mailshadow@example.test", Password = "Passw0rd!" },
        };
        options.AcceptedDomains.Add("example.test");
        foreach (var (address, name) in new[] { ("alice@example.test", "Alice Lab"), ("bob@example.test", "Bob Lab"), ("carol@example.test", "Carol Lab") })
        {
            options.Users.Add(new LabUserOptions { Address = address, Password = "Passw0rd!", DisplayName = name });
        }

        return options;
    }
}
