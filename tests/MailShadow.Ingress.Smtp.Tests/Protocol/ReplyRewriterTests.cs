using MailShadow.Ingress.Smtp.Protocol;

namespace MailShadow.Ingress.Smtp.Tests.Protocol;

/// <summary>SmtpServer's own wording in, the reply we mean out; no sockets.</summary>
public sealed class ReplyRewriterTests
{
    private static ReplyContext Context(string verb, string? pending = null, bool helo = true, bool transaction = false, bool secure = false, bool tls = true, bool stopping = false) =>
        new(Enum.Parse<SmtpVerb>(verb), pending, helo, transaction, secure, tls, stopping, "mx.test");

    [Theory]
    [InlineData(nameof(SmtpVerb.Mail), "250 Ok", "250 2.1.0 Sender OK")]
    [InlineData(nameof(SmtpVerb.Rcpt), "250 Ok", "250 2.1.5 Recipient OK")]
    [InlineData(nameof(SmtpVerb.Rset), "250 Ok", "250 2.0.0 Reset OK")]
    [InlineData(nameof(SmtpVerb.Noop), "250 Ok", "250 2.0.0 OK")]
    [InlineData(nameof(SmtpVerb.Auth), "250 Ok", "503 5.5.1 Authentication is not available")]
    [InlineData(nameof(SmtpVerb.Proxy), "250 Ok", "500 5.5.1 Command unrecognized")]
    [InlineData(nameof(SmtpVerb.Data), "354 end with <CRLF>.<CRLF>", "354 Start mail input; end with <CRLF>.<CRLF>")]
    [InlineData(nameof(SmtpVerb.Quit), "221 bye", "221 2.0.0 mx.test closing connection")]
    [InlineData(nameof(SmtpVerb.StartTls), "220 ready when you are", "220 2.0.0 Ready to start TLS")]
    [InlineData(nameof(SmtpVerb.Mail), "552 size limit exceeded", "552 5.3.4 Message size exceeds fixed maximum message size")]
    [InlineData(nameof(SmtpVerb.Mail), "550 mailbox unavailable", "550 5.1.8 Sender address rejected")]
    [InlineData(nameof(SmtpVerb.Rcpt), "550 mailbox unavailable", "550 5.1.1 Recipient address rejected")]
    [InlineData(nameof(SmtpVerb.Data), "554 ", "451 4.3.0 Local error in processing, try again later")]
    [InlineData(nameof(SmtpVerb.Unrecognized), "502 Unrecognized command, 4 retry(ies) remaining.", "500 5.5.1 Command unrecognized")]
    [InlineData(nameof(SmtpVerb.NotImplemented), "502 Unrecognized command, 4 retry(ies) remaining.", "502 5.5.1 Command not implemented")]
    [InlineData(nameof(SmtpVerb.Rcpt), "502 Unrecognized command, 4 retry(ies) remaining.", "501 5.5.4 Syntax error in RCPT command; use RCPT TO:<address>")]
    [InlineData(nameof(SmtpVerb.Quit), "502 Unrecognized command, 4 retry(ies) remaining.", "501 5.5.4 Syntax error: this command takes no parameters")]
    [InlineData(nameof(SmtpVerb.Rcpt), "553 mailbox name not allowed, 4 retry(ies) remaining.", "553 5.1.3 Recipient address syntax not accepted")]
    [InlineData(nameof(SmtpVerb.Rcpt), "501 expected NOOP/RSET/QUIT/HELO/EHLO/MAIL, 4 retry(ies) remaining.", "503 5.5.1 Need MAIL before RCPT")]
    [InlineData(nameof(SmtpVerb.Ehlo), "501 expected NOOP/RSET/QUIT/RCPT, 4 retry(ies) remaining.", "503 5.5.1 EHLO and HELO are not accepted inside a mail transaction; RSET first")]
    [InlineData(nameof(SmtpVerb.None), "221 Timeout while waiting for input.", "421 4.4.2 mx.test Timeout waiting for client input, closing connection")]
    [InlineData(nameof(SmtpVerb.None), "221 The session has be cancelled.", "421 4.4.2 mx.test Session time limit exceeded, closing connection")]
    public void Rewrite_MapsSmtpServersWording(string verb, string line, string expected) =>
        Assert.Equal(expected, ReplyRewriter.Rewrite(line, Context(verb), out _));

    [Theory]
    [InlineData("220 mx.test ESMTP MailShadow ready")]
    [InlineData("250-mx.test Hello client")]
    [InlineData("250 PIPELINING")]
    [InlineData("552 5.3.4 Message header size exceeds fixed maximum size")]
    [InlineData("250 2.0.0 Ok: queued as 0123456789abcdef0123456789abcdef")]
    public void Rewrite_LeavesOurOwnRepliesAlone(string line) =>
        Assert.Equal(line, ReplyRewriter.Rewrite(line, Context(nameof(SmtpVerb.Data)), out _));

    [Fact]
    public void Rewrite_UsesThePendingReply_ForAGenericRefusal()
    {
        var reply = ReplyRewriter.Rewrite("550 mailbox unavailable", Context(nameof(SmtpVerb.Rcpt), pending: "452 4.5.3 Too many recipients"), out var used);

        Assert.Equal("452 4.5.3 Too many recipients", reply);
        Assert.True(used);
    }

    [Fact]
    public void Rewrite_OnTheLastAllowedError_AddsA421()
    {
        var reply = ReplyRewriter.Rewrite("502 Unrecognized command, 0 retry(ies) remaining.", Context(nameof(SmtpVerb.Unrecognized)), out _);

        Assert.Equal("500 5.5.1 Command unrecognized\r\n421 4.7.0 mx.test Too many errors, closing connection", reply);
    }

    [Theory]
    [InlineData(nameof(SmtpVerb.Mail), false, false, "503 5.5.1 Send EHLO or HELO first")]
    [InlineData(nameof(SmtpVerb.Mail), true, true, "503 5.5.1 Sender already specified; RSET to start over")]
    [InlineData(nameof(SmtpVerb.Data), true, false, "503 5.5.1 Need MAIL and RCPT before DATA")]
    [InlineData(nameof(SmtpVerb.Data), true, true, "554 5.5.1 No valid recipients")]
    [InlineData(nameof(SmtpVerb.StartTls), true, true, "503 5.5.1 STARTTLS is not accepted inside a mail transaction; RSET first")]
    public void Rewrite_OutOfOrder_SaysWhatIsMissing(string verb, bool helo, bool transaction, string expected) =>
        Assert.Equal(expected, ReplyRewriter.Rewrite("501 expected NOOP, 3 retry(ies) remaining.", Context(verb, helo: helo, transaction: transaction), out _));

    [Fact]
    public void Rewrite_StartTls_WhenSecureOrUnavailable_SaysSo()
    {
        Assert.Equal("503 5.5.1 TLS already active", ReplyRewriter.Rewrite("501 expected NOOP, 3 retry(ies) remaining.", Context(nameof(SmtpVerb.StartTls), secure: true), out _));
        Assert.Equal("502 5.5.1 STARTTLS not available", ReplyRewriter.Rewrite("501 expected NOOP, 3 retry(ies) remaining.", Context(nameof(SmtpVerb.StartTls), tls: false), out _));
    }

    [Fact]
    public void Rewrite_Cancelled_WhileStopping_SaysShuttingDown() =>
        Assert.Equal("421 4.3.2 mx.test Service shutting down, closing connection", ReplyRewriter.Rewrite("221 The session has be cancelled.", Context(nameof(SmtpVerb.None), stopping: true), out _));
}
