namespace MailShadow.Ews.Model;

/// <summary>Whether a created or updated message is saved, sent, or both.</summary>
public enum MessageDisposition
{
    SaveOnly,
    SendOnly,
    SendAndSaveCopy,
}
