namespace MailShadow.Ews.Requests;

/// <summary>ResolveNames: look up a name or address in the directory and contacts.</summary>
public sealed record ResolveNamesRequest(string UnresolvedEntry)
{
    public bool ReturnFullContactData { get; init; }

    /// <summary>The schema's <c>ResolveNamesSearchScopeType</c>; the server's default (<c>ActiveDirectoryContacts</c>) when null.</summary>
    public string? SearchScope { get; init; }
}
