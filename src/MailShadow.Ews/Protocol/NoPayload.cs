namespace MailShadow.Ews.Protocol;

/// <summary>The payload type of operations whose response messages carry nothing but their outcome.</summary>
internal sealed class NoPayload
{
    private NoPayload()
    {
    }
}
