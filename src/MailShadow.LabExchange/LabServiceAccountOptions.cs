namespace MailShadow.LabExchange;

/// <summary>
/// An account without a mailbox that may impersonate every mailbox over EWS. Bound from
/// <c>LabExchange:ServiceAccount</c>; leave both empty for none.
/// </summary>
public sealed class LabServiceAccountOptions
{
    public string Address { get; set; } = "";

    /// <summary>Never logged.</summary>
    public string Password { get; set; } = "";

    public bool IsConfigured => Address.Length > 0 || Password.Length > 0;
}
