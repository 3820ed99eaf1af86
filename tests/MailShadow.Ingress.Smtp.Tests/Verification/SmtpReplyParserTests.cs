using System.Text;
using MailShadow.Ingress.Smtp.Verification;

namespace MailShadow.Ingress.Smtp.Tests.Verification;

public sealed class SmtpReplyParserTests
{
    [Fact]
    public void TryParse_ReadsAMultiLineReply_AndWhatFollowsIsLeft()
    {
        var data = Encoding.ASCII.GetBytes("250-site.test Hello\r\n250-PIPELINING\r\n250 STARTTLS\r\n220 next");

        Assert.True(SmtpReplyParser.TryParse(data, out var reply, out var consumed));

        Assert.Equal(250, reply!.Code);
        Assert.Equal(["site.test Hello", "PIPELINING", "STARTTLS"], reply.Lines);
        Assert.Equal("220 next", Encoding.ASCII.GetString(data, consumed, data.Length - consumed));
    }

    [Theory]
    [InlineData("250-first\r\n250 sec")]
    [InlineData("25")]
    [InlineData("")]
    public void TryParse_Incomplete_ReturnsFalse(string text) =>
        Assert.False(SmtpReplyParser.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("250-a\r\n251 b\r\n")]
    [InlineData("250xyz\r\n")]
    public void TryParse_NotAReply_Throws(string text) =>
        Assert.Throws<FormatException>(() => SmtpReplyParser.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));

    [Theory]
    [InlineData(250, "2.1.5 Recipient OK", nameof(CalloutOutcome.Exists))]
    [InlineData(550, "5.1.1 User unknown", nameof(CalloutOutcome.Unknown))]
    [InlineData(550, "mailbox unavailable", nameof(CalloutOutcome.Unknown))]
    [InlineData(553, "5.1.3 Bad address", nameof(CalloutOutcome.Unknown))]
    [InlineData(530, "5.7.0 Must issue a STARTTLS command first", nameof(CalloutOutcome.Inconclusive))]
    [InlineData(550, "5.7.1 Client does not have permissions", nameof(CalloutOutcome.Inconclusive))]
    [InlineData(451, "4.3.0 Try later", nameof(CalloutOutcome.Inconclusive))]
    public void ClassifyRecipientReply_RefusesOnlyOnAnAnswerAboutTheMailbox(int code, string text, string expected) =>
        Assert.Equal(Enum.Parse<CalloutOutcome>(expected), CalloutClassifier.ClassifyRecipientReply(new SmtpReply(code, [text])).Outcome);

    [Theory]
    [InlineData("5.1.1 User unknown", "User unknown")]
    [InlineData("User unknown", "User unknown")]
    [InlineData("5.1.10", "Recipient address rejected")]
    public void TextWithoutCodes_DropsTheEnhancedCode(string text, string expected) =>
        Assert.Equal(expected, CalloutClassifier.TextWithoutCodes(new SmtpReply(550, [text])));
}
