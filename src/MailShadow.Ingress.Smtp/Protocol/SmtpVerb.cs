namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>The command a client line starts with, as far as choosing a reply needs to know.</summary>
internal enum SmtpVerb
{
    None,
    Unrecognized,
    Helo,
    Ehlo,
    Mail,
    Rcpt,
    Data,
    Rset,
    Noop,
    Quit,
    StartTls,
    Auth,
    Proxy,

    /// <summary>A standard command this server does not offer (VRFY, EXPN, HELP, BDAT, ETRN, TURN …).</summary>
    NotImplemented,
}
