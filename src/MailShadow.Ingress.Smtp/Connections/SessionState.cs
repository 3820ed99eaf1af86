using System.Net;
using MailShadow.Ingress.Smtp.Protocol;
using SmtpServer;
using SmtpServer.Protocol;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>
/// What one session knows beyond SmtpServer's own state: the last command line, the client's name, and the
/// transaction's limits. Touched only by the session's own (sequential) command loop.
/// </summary>
internal sealed class SessionState(IPEndPoint remote)
{
    private const string PropertyKey = "MailShadow:Session";

    public IPEndPoint Remote { get; } = remote;

    public CommandLine LastCommand { get; set; }

    public string? Helo { get; private set; }

    public bool HeloSeen { get; private set; }

    public IReadOnlyDictionary<string, string>? MailParameters { get; private set; }

    /// <summary>A reply chosen by a filter for a refusal that SmtpServer words as "550 mailbox unavailable".</summary>
    public string? PendingReply { get; private set; }

    public bool InTransaction { get; private set; }

    public int AcceptedRecipients { get; private set; }

    /// <summary>
    /// A complete command line is already buffered behind the one just consumed (the client pipelines): its reply can
    /// wait and go out with the next one.
    /// </summary>
    public bool MoreCommandsBuffered { get; set; }

    /// <summary>Message data is being received.</summary>
    public bool InData { get; set; }

    /// <summary>The message data outgrew the limit and was discarded as it arrived.</summary>
    public bool Oversized { get; set; }

    public static SessionState Of(ISessionContext context) => (SessionState)context.Properties[PropertyKey];

    public void Attach(ISessionContext context)
    {
        context.Properties[PropertyKey] = this;
        context.CommandExecuting += (_, args) => OnCommandExecuting(args.Command);
    }

    public void Refuse(string reply) => PendingReply = reply;

    public string? TakePendingReply()
    {
        var reply = PendingReply;
        PendingReply = null;
        return reply;
    }

    public void BeginTransaction() => InTransaction = true;

    public void AddRecipient() => AcceptedRecipients++;

    public void EndTransaction()
    {
        InTransaction = false;
        AcceptedRecipients = 0;
        Oversized = false;
        PendingReply = null;
    }

    private void OnCommandExecuting(SmtpCommand command)
    {
        switch (command)
        {
            case EhloCommand ehlo:
                Helo = ehlo.DomainOrAddress;
                HeloSeen = true;
                break;
            case HeloCommand helo:
                Helo = helo.DomainOrAddress;
                HeloSeen = true;
                break;
            case MailCommand mail:
                EndTransaction();
                MailParameters = mail.Parameters;
                break;
            case RsetCommand:
                EndTransaction();
                break;
        }
    }
}
