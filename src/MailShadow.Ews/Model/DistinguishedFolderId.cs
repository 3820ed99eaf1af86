namespace MailShadow.Ews.Model;

/// <summary>
/// A well-known folder by its symbolic name (<c>inbox</c>, <c>sentitems</c> …), the same on every server, optionally in
/// another <see cref="Mailbox"/> than the caller's (delegate access).
/// </summary>
public sealed record DistinguishedFolderId : FolderIdentifier
{
    public DistinguishedFolderId(string name, Mailbox? mailbox = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Mailbox = mailbox;
    }

    /// <summary>The schema's <c>DistinguishedFolderIdNameType</c> value; see <see cref="DistinguishedFolderNames"/>.</summary>
    public string Name { get; }

    public Mailbox? Mailbox { get; }

    public static DistinguishedFolderId Root { get; } = new(DistinguishedFolderNames.Root);

    public static DistinguishedFolderId MsgFolderRoot { get; } = new(DistinguishedFolderNames.MsgFolderRoot);

    public static DistinguishedFolderId Inbox { get; } = new(DistinguishedFolderNames.Inbox);

    public static DistinguishedFolderId Drafts { get; } = new(DistinguishedFolderNames.Drafts);

    public static DistinguishedFolderId SentItems { get; } = new(DistinguishedFolderNames.SentItems);

    public static DistinguishedFolderId DeletedItems { get; } = new(DistinguishedFolderNames.DeletedItems);

    public static DistinguishedFolderId JunkEmail { get; } = new(DistinguishedFolderNames.JunkEmail);

    public static DistinguishedFolderId Outbox { get; } = new(DistinguishedFolderNames.Outbox);

    /// <summary>The same folder in the given mailbox.</summary>
    public DistinguishedFolderId In(string mailboxSmtpAddress) => new(Name, new Mailbox(mailboxSmtpAddress));

    public override string ToString() => Mailbox is null ? Name : $"{Name} ({Mailbox.EmailAddress})";
}
