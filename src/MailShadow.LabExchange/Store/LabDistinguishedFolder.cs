namespace MailShadow.LabExchange.Store;

/// <summary>The well-known folders every lab mailbox has, named as EWS names them (<c>DistinguishedFolderId</c>).</summary>
public enum LabDistinguishedFolder
{
    /// <summary>The mailbox root ("root"): the parent of the message folder root.</summary>
    Root,

    /// <summary>The top of the information store ("msgfolderroot"): the parent of every folder a user sees.</summary>
    MsgFolderRoot,

    Inbox,
    Drafts,
    SentItems,
    DeletedItems,
    JunkEmail,
    Outbox,
}
