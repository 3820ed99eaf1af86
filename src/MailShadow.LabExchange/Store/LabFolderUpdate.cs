namespace MailShadow.LabExchange.Store;

/// <summary>The folder properties an update sets; null leaves a property as it is.</summary>
public sealed record LabFolderUpdate
{
    public string? DisplayName { get; init; }

    public string? FolderClass { get; init; }
}
