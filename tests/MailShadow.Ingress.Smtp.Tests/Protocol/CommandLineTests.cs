using System.Text;
using MailShadow.Ingress.Smtp.Protocol;

namespace MailShadow.Ingress.Smtp.Tests.Protocol;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("ehlo client\r\n", nameof(SmtpVerb.Ehlo))]
    [InlineData("MAIL FROM:<a@b>\r\n", nameof(SmtpVerb.Mail))]
    [InlineData("rcpt to:<a@b>\r\n", nameof(SmtpVerb.Rcpt))]
    [InlineData("DATA\r\n", nameof(SmtpVerb.Data))]
    [InlineData("StartTls\r\n", nameof(SmtpVerb.StartTls))]
    [InlineData("VRFY x\r\n", nameof(SmtpVerb.NotImplemented))]
    [InlineData("BDAT 100 LAST\r\n", nameof(SmtpVerb.NotImplemented))]
    [InlineData("XYZZY\r\n", nameof(SmtpVerb.Unrecognized))]
    [InlineData("\r\n", nameof(SmtpVerb.None))]
    public void Parse_FindsTheVerb(string line, string expected) =>
        Assert.Equal(Enum.Parse<SmtpVerb>(expected), CommandLine.Parse(Encoding.ASCII.GetBytes(line)).Verb);

    [Theory]
    [InlineData("RCPT TO:<@relay.test:a@example.test>\r\n", true)]
    [InlineData("RCPT TO: <@relay.test,@b.test:a@example.test>\r\n", true)]
    [InlineData("RCPT TO:<a@example.test>\r\n", false)]
    [InlineData("MAIL FROM:<@relay.test:a@example.test>\r\n", false)]
    public void Parse_SpotsASourceRouteInRcpt(string line, bool expected) =>
        Assert.Equal(expected, CommandLine.Parse(Encoding.ASCII.GetBytes(line)).HasSourceRoute);
}
