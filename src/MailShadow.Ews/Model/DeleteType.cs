namespace MailShadow.Ews.Model;

/// <summary>How a delete disposes of items or folders (the schema's <c>DisposalType</c>).</summary>
public enum DeleteType
{
    /// <summary>Purged (into Recoverable Items' purges where retention applies).</summary>
    HardDelete,

    /// <summary>Into the Recoverable Items (dumpster) folder.</summary>
    SoftDelete,

    /// <summary>Into Deleted Items; the item gets a new id that the response does not return.</summary>
    MoveToDeletedItems,
}
