using MailShadow.LabExchange.Smtp;

namespace MailShadow.LabExchange.Tests.Smtp;

/// <summary>The library's replies reworded as Exchange's, without sockets.</summary>
public sealed class SmtpReplyRewriterTests
{
    [Theory]
    [InlineData("250 Ok", "MAIL", "250 2.1.0 Sender OK")]
    [InlineData("250 Ok", "RCPT", "250 2.1.5 Recipient OK")]
    [InlineData("250 Ok", "NOOP", "250 2.0.0 OK")]
    [InlineData("221 bye", "QUIT", "221 2.0.0 Service closing transmission channel")]
    [InlineData("354 end with <CRLF>.<CRLF>", "DATA", "354 Start mail input; end with <CRLF>.<CRLF>")]
    [InlineData("550 5.1.1 User unknown, 4 retry(ies) remaining.", "RCPT", "550 5.1.1 User unknown")]
    [InlineData("451 4.3.2 System not accepting network messages, 9999 retry(ies) remaining.", "RCPT", "451 4.3.2 System not accepting network messages")]
    [InlineData("501 expected NOOP/RSET/QUIT/MAIL, 5 retry(ies) remaining.", "RSET", "503 5.5.1 Bad sequence of commands")]
    [InlineData("502 Unrecognized command, 5 retry(ies) remaining.", null, "500 5.3.3 Unrecognized command")]
    [InlineData("421 Timeout while waiting for input.", "RCPT", "421 4.4.1 Connection timed out")]
    [InlineData("250 2.6.0 <a@b> Queued mail for delivery", "DATA", "250 2.6.0 <a@b> Queued mail for delivery")]
    [InlineData("220 lab Microsoft ESMTP MAIL Service ready", null, "220 lab Microsoft ESMTP MAIL Service ready")]
    [InlineData("553 mailbox name not allowed", "RCPT", "553 5.0.0 mailbox name not allowed")]
    public void Rewrite_GivesExchangeWording(string line, string? command, string expected) =>
        Assert.Equal(expected, new SmtpReplyRewriter().Rewrite(line, command));

    [Fact]
    public void Rewrite_LeavesMultilineRepliesAlone()
    {
        var rewriter = new SmtpReplyRewriter();

        Assert.Equal("250-lab Hello [127.0.0.1]", rewriter.Rewrite("250-lab Hello [127.0.0.1]", "EHLO"));
        Assert.Equal("250-SIZE 1000", rewriter.Rewrite("250-SIZE 1000", "EHLO"));
        Assert.Equal("250 8BITMIME", rewriter.Rewrite("250 8BITMIME", "EHLO"));
        Assert.Equal("250 2.1.0 Sender OK", rewriter.Rewrite("250 Ok", "MAIL"));
    }
}
