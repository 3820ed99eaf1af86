namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>Checks the form of a change key a client sends back (ErrorInvalidChangeKey when it cannot be one).</summary>
internal static class EwsChangeKeys
{
    public static bool IsWellFormed(string changeKey)
    {
        if (changeKey.Length is 0 or > 200)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[150];
        return Convert.TryFromBase64String(changeKey, bytes, out var written) && written > 0;
    }
}
