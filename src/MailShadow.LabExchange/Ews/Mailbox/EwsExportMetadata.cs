namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>The item properties an exported item carries besides its MIME (read state, flag, categories…).</summary>
internal sealed record EwsExportMetadata
{
    public string ItemClass { get; init; } = "IPM.Note";

    public bool IsRead { get; init; }

    public string FlagStatus { get; init; } = "NotFlagged";

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string Importance { get; init; } = "Normal";

    public DateTimeOffset DateTimeReceived { get; init; }

    /// <summary>Extended properties by the store's key text (<c>tag:0x1081:Integer</c>…).</summary>
    public IReadOnlyDictionary<string, string> ExtendedProperties { get; init; } = new Dictionary<string, string>();
}
