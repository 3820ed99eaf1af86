using SmtpServer.Protocol;

namespace MailShadow.LabExchange.Smtp;

/// <summary>The library's commands, with EHLO replaced by the lab's.</summary>
internal sealed class LabSmtpCommandFactory : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new LabEhloCommand(domainOrAddress);
}
