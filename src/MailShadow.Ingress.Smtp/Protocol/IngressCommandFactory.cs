using System.Net;
using SmtpServer.Protocol;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>
/// SmtpServer's commands, except HELO and EHLO (our wording and extensions) and the two it must not act on: AUTH (its default
/// authenticator accepts any password) and PROXY (it would let a client choose the address in our Received header).
/// Both become a NOOP whose reply <see cref="ReplyRewriter"/> turns into a refusal, as SmtpServer's commands cannot be
/// subclassed.
/// </summary>
internal sealed class IngressCommandFactory : SmtpCommandFactory, ISmtpCommandFactory
{
    public override SmtpCommand CreateHelo(string domainOrAddress) => new IngressHeloCommand(domainOrAddress);

    public override SmtpCommand CreateEhlo(string domainOrAddress) => new IngressEhloCommand(domainOrAddress);

    public override SmtpCommand CreateProxy(IPEndPoint sourceEndpoint, IPEndPoint destinationEndpoint) => new NoopCommand();

    SmtpCommand ISmtpCommandFactory.CreateAuth(AuthenticationMethod method, string parameter) => new NoopCommand();
}
