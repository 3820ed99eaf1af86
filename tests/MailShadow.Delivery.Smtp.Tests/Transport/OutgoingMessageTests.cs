using System.Text;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Model;
using MimeKit;

namespace MailShadow.Delivery.Smtp.Tests.Transport;

/// <summary>What MailKit writes for a journaled payload is the payload itself (before SMTP dot-stuffing).</summary>
public sealed class OutgoingMessageTests
{
    public static TheoryData<string> Payloads_ => new()
    {
        Payloads.Tricky("alice@example.test", "bob@example.test"),
        Payloads.Simple("alice@example.test", "bob@example.test", "plain"),
        "Subject: no body\r\n\r\n",
        "Subject: lf endings in the body\r\n\r\nline one\nline two\n",
        "Bcc: first@example.test\r\nSubject: Bcc first\r\n\r\nbody\r\n",
        "Content-Type: text/plain\r\nSubject: content type first\r\n\r\nbody\r\n",
        "MIME-Version: 1.0\r\nSubject: version first\r\n\r\nbody\r\n",
        "Subject: body without a final line break\r\n\r\nbody",
    };

    [Theory]
    [MemberData(nameof(Payloads_))]
    public async Task WrittenAsMailKitSendsIt_EqualsTheJournaledBytes(string message)
    {
        var payload = Infrastructure.Payloads.Stamp(TransactionId.New(), message);
        var outgoing = OutgoingMessage.Create(payload);
        var format = outgoing.Format.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var written = new MemoryStream();
        await outgoing.Message.WriteToAsync(format, written);

        Assert.Equal(Encoding.UTF8.GetString(payload), Encoding.UTF8.GetString(written.ToArray()));
        Assert.Equal(payload.Length, outgoing.Size);
    }

    [Fact]
    public async Task OneBuilderForManyPayloads_WritesEachExactly_AndMarksEachOwnEncoding()
    {
        using var builder = new OutgoingMessage.Builder();
        var payloads = ((IEnumerable<object[]>)Payloads_).Select(row => (string)row[0])
            .Append("Subject: x\r\n\r\n\u00fcber\r\n")
            .Append("Subject: x\r\n\r\nplain again\r\n")
            .Select((message, i) => i % 3 == 0 ? Encoding.UTF8.GetBytes(message) : Infrastructure.Payloads.Stamp(TransactionId.New(), message))
            .ToList();

        foreach (var payload in payloads)
        {
            var outgoing = builder.Create(payload);
            var format = outgoing.Format.Clone();
            format.NewLineFormat = NewLineFormat.Dos;
            using var written = new MemoryStream();
            await outgoing.Message.WriteToAsync(format, written);

            Assert.Equal(Encoding.UTF8.GetString(payload), Encoding.UTF8.GetString(written.ToArray()));
            var eightBit = payload.Any(b => b >= 0x80);
            if (outgoing.Message.Body is RawBodyPart body)
            {
                Assert.Equal(eightBit, body.ContentTransferEncoding == ContentEncoding.EightBit);
            }

            builder.Release();
        }
    }

    [Fact]
    public void EightBitPayload_IsMarkedEightBit_SoMailKitAnnouncesIt()
    {
        var eightBit = OutgoingMessage.Create(Encoding.UTF8.GetBytes("Subject: x\r\n\r\nüber\r\n"));
        var sevenBit = OutgoingMessage.Create(Encoding.UTF8.GetBytes("Subject: x\r\n\r\nplain\r\n"));
        Assert.Equal(ContentEncoding.EightBit, Assert.IsType<RawBodyPart>(eightBit.Message.Body).ContentTransferEncoding);
        Assert.NotEqual(ContentEncoding.EightBit, Assert.IsType<RawBodyPart>(sevenBit.Message.Body).ContentTransferEncoding);
    }

    [Theory]
    [InlineData("Subject: a\r\nX: b\r\n\r\nbody", "Subject", 18, 20)]
    [InlineData("Subject: a\n\nbody", "Subject", 11, 12)]
    [InlineData("Subject: a\r\n folded\r\n\r\n", "Subject", 21, 23)]
    public void TrySplit_FindsTheFirstFieldAndTheEndOfTheHeaders(string payload, string field, int headerEnd, int bodyStart)
    {
        Assert.True(OutgoingMessage.TrySplit(Encoding.ASCII.GetBytes(payload), out var name, out var end, out var start));
        Assert.Equal(field, name);
        Assert.Equal(headerEnd, end);
        Assert.Equal(bodyStart, start);
    }

    [Theory]
    [InlineData("no header line at all\r\n\r\nbody")]
    [InlineData("\r\nbody only")]
    [InlineData("Subject: headers only, no break")]
    [InlineData("Sub ject: space in the name\r\n\r\nbody")]
    public void TrySplit_RejectsWhatIsNotAHeaderBlockFollowedByABody(string payload)
    {
        Assert.False(OutgoingMessage.TrySplit(Encoding.ASCII.GetBytes(payload), out _, out _, out _));
    }
}
