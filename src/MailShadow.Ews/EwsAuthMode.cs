namespace MailShadow.Ews;

/// <summary>How the client authenticates to EWS.</summary>
public enum EwsAuthMode
{
    /// <summary>Basic, sent with every request (no 401 round trip). Use only over TLS.</summary>
    Basic,

    /// <summary>NTLM: a challenge on each new connection; the authentication is bound to that connection.</summary>
    Ntlm,
}
