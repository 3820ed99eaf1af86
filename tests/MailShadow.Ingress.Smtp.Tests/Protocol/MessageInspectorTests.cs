using System.Text;
using MailShadow.Ingress.Smtp.Protocol;

namespace MailShadow.Ingress.Smtp.Tests.Protocol;

public sealed class MessageInspectorTests
{
    [Theory]
    [InlineData("Subject: a\r\n\r\nbody\r\nmore", nameof(MessageDefect.None))]
    [InlineData("", nameof(MessageDefect.None))]
    [InlineData("\r\n", nameof(MessageDefect.None))]
    [InlineData("Subject: a\r\n\r\nbody\nmore", nameof(MessageDefect.BareLineFeed))]
    [InlineData("\nSubject: a", nameof(MessageDefect.BareLineFeed))]
    [InlineData("Subject: a\r\n\r\nbody\rmore", nameof(MessageDefect.BareCarriageReturn))]
    [InlineData("Subject: a\r\n\r\nbody\r", nameof(MessageDefect.BareCarriageReturn))]
    [InlineData("Subject: a\r\n\r\nbody\r\r\n", nameof(MessageDefect.BareCarriageReturn))]
    public void CheckLineEndings_FindsEveryLoneCrOrLf(string content, string expected) =>
        Assert.Equal(Enum.Parse<MessageDefect>(expected), MessageInspector.CheckLineEndings(Encoding.ASCII.GetBytes(content)));

    [Theory]
    [InlineData(24, nameof(MessageDefect.None))]
    [InlineData(23, nameof(MessageDefect.HeaderTooLarge))]
    public void CheckHeaderSize_CountsTheHeaderBlockWithItsLastLineEnding(int limit, string expected) =>
        Assert.Equal(Enum.Parse<MessageDefect>(expected), MessageInspector.CheckHeaderSize("Subject: 0123456\r\nX: y\r\n\r\nbody that is long enough"u8, limit));

    [Fact]
    public void CheckHeaderSize_AllHeaderMessage_IsMeasuredWhole()
    {
        Assert.Equal(MessageDefect.None, MessageInspector.CheckHeaderSize("Subject: x"u8, 10));
        Assert.Equal(MessageDefect.HeaderTooLarge, MessageInspector.CheckHeaderSize("Subject: xy"u8, 10));
    }
}
