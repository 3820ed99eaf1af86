namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>A folder, item or mailbox found for a request, or the response code that says why not.</summary>
internal readonly record struct EwsLookup<T>(T? Value, string? Error)
    where T : class
{
    public static EwsLookup<T> Of(T value) => new(value, null);

    public static EwsLookup<T> Fail(string error) => new(null, error);
}
