using MailShadow.Model;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>
/// Every reply line this server sends, with its RFC 3463 enhanced status code. Greeting, EHLO/HELO and 354 replies
/// carry none (RFC 2034).
/// </summary>
internal static class Replies
{
    public const string SenderOk = "250 2.1.0 Sender OK";
    public const string RecipientOk = "250 2.1.5 Recipient OK";
    public const string ResetOk = "250 2.0.0 Reset OK";
    public const string NoopOk = "250 2.0.0 OK";
    public const string StartMailInput = "354 Start mail input; end with <CRLF>.<CRLF>";
    public const string ReadyToStartTls = "220 2.0.0 Ready to start TLS";

    public const string MessageTooLarge = "552 5.3.4 Message size exceeds fixed maximum message size";
    public const string HeaderTooLarge = "552 5.3.4 Message header size exceeds fixed maximum size";
    public const string BareLineEnding = "550 5.6.11 Bare LF or CR in message data; every line must end with CRLF (RFC 5321 section 2.3.8)";
    public const string InvalidSize = "501 5.5.4 Invalid SIZE parameter";
    public const string TooManyRecipients = "452 4.5.3 Too many recipients; send the rest in another transaction";
    public const string RelayDenied = "550 5.7.1 Relaying denied: this server accepts mail only for its own domains";
    public const string RoutedAddressDenied = "550 5.7.1 Relaying denied: source routes and %, ! or @ in the local part are not accepted";
    public const string InvalidLocalPart = "501 5.1.3 Invalid recipient address syntax";
    public const string SenderRejected = "550 5.1.8 Sender address rejected";
    public const string RecipientRejected = "550 5.1.1 Recipient address rejected";
    public const string NoValidRecipients = "554 5.5.1 No valid recipients";

    public const string JournalUnavailable = "451 4.3.0 Temporary local problem: the message could not be stored, try again later";
    public const string StorageFull = "452 4.3.1 Insufficient system storage, try again later";
    public const string LocalError = "451 4.3.0 Local error in processing, try again later";

    public const string CommandUnrecognized = "500 5.5.1 Command unrecognized";
    public const string CommandNotImplemented = "502 5.5.1 Command not implemented";
    public const string AuthNotAvailable = "503 5.5.1 Authentication is not available";
    public const string StartTlsNotAvailable = "502 5.5.1 STARTTLS not available";
    public const string MailSyntax = "501 5.5.4 Syntax error in MAIL command; use MAIL FROM:<address> [parameters]";
    public const string RcptSyntax = "501 5.5.4 Syntax error in RCPT command; use RCPT TO:<address>";
    public const string HeloSyntax = "501 5.5.4 Syntax error: EHLO and HELO need a domain name or address literal";
    public const string NoParameters = "501 5.5.4 Syntax error: this command takes no parameters";
    public const string SenderNotAllowed = "553 5.1.7 Sender address syntax not accepted";
    public const string RecipientNotAllowed = "553 5.1.3 Recipient address syntax not accepted";

    public const string HeloFirst = "503 5.5.1 Send EHLO or HELO first";
    public const string NestedMail = "503 5.5.1 Sender already specified; RSET to start over";
    public const string MailFirst = "503 5.5.1 Need MAIL before RCPT";
    public const string MailBeforeData = "503 5.5.1 Need MAIL and RCPT before DATA";
    public const string TlsActive = "503 5.5.1 TLS already active";
    public const string HeloInTransaction = "503 5.5.1 EHLO and HELO are not accepted inside a mail transaction; RSET first";
    public const string StartTlsInTransaction = "503 5.5.1 STARTTLS is not accepted inside a mail transaction; RSET first";
    public const string BadSequence = "503 5.5.1 Bad sequence of commands";

    public const string LineTooLong = "500 5.5.2 Line too long";
    public const string EmptyMessage = "554 5.6.0 Empty message data is not accepted; closing connection";

    public static string Queued(TransactionId id) => $"250 2.0.0 Ok: queued as {id}";

    public static string UnknownRecipient(string address, string siteText) => $"550 5.1.1 <{address}>: {siteText}";

    public static string Greeting(string serverName) => $"220 {serverName} ESMTP MailShadow ready";

    public static string Closing(string serverName) => $"221 2.0.0 {serverName} closing connection";

    public static string TooManyConnections(string serverName) => $"421 4.7.0 {serverName} Too many connections, try again later";

    public static string TooManyErrors(string serverName) => $"421 4.7.0 {serverName} Too many errors, closing connection";

    public static string CommandTimeout(string serverName) => $"421 4.4.2 {serverName} Timeout waiting for client input, closing connection";

    public static string SessionTimeout(string serverName) => $"421 4.4.2 {serverName} Session time limit exceeded, closing connection";

    public static string ShuttingDown(string serverName) => $"421 4.3.2 {serverName} Service shutting down, closing connection";
}
