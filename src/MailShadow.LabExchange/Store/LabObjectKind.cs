namespace MailShadow.LabExchange.Store;

/// <summary>What an id names.</summary>
public enum LabObjectKind
{
    Folder,
    Item,
}
