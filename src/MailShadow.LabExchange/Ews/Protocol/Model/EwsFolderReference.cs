namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>
/// A folder named in a request: either by id (<c>t:FolderId</c>) or by well-known name (<c>t:DistinguishedFolderId</c>,
/// optionally naming the mailbox it belongs to).
/// </summary>
internal sealed record EwsFolderReference
{
    public string? Id { get; init; }

    public string? ChangeKey { get; init; }

    /// <summary>The distinguished name, for example "inbox"; null for a folder named by id.</summary>
    public string? DistinguishedName { get; init; }

    /// <summary>The mailbox of a distinguished folder (<c>t:Mailbox/t:EmailAddress</c>), when given.</summary>
    public string? MailboxAddress { get; init; }

    public bool IsDistinguished => DistinguishedName is not null;

    public static EwsFolderReference ById(string id, string? changeKey = null) => new() { Id = id, ChangeKey = changeKey };

    public static EwsFolderReference Distinguished(string name, string? mailboxAddress = null) =>
        new() { DistinguishedName = name, MailboxAddress = mailboxAddress };

    public override string ToString() => DistinguishedName ?? Id ?? "";
}
