using System.Text;

namespace MailShadow.Benchmarks.Ews;

/// <summary>Messages with known sizes for seeding the lab.</summary>
internal static class Messages
{
    public static byte[] Small(int index) => Encoding.ASCII.GetBytes(
        $"From: Sender <sender@example.org>\r\nTo: {BenchLab.Alice}\r\nSubject: Bench {index}\r\n" +
        $"Message-ID: <bench-{index}@example.org>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
        $"Content-Type: text/plain; charset=us-ascii\r\n\r\n{new string('x', 600)}\r\nMessage {index}.\r\n");

    /// <summary>A message of about <paramref name="bodyBytes"/> bytes: a base64 attachment of random data.</summary>
    public static byte[] Large(int index, int bodyBytes, Random random)
    {
        var data = new byte[bodyBytes * 3 / 4];
        random.NextBytes(data);
        var text = new StringBuilder();
        text.Append($"From: Sender <sender@example.org>\r\nTo: {BenchLab.Bob}\r\nSubject: Large {index}\r\n");
        text.Append($"Message-ID: <large-{index}@example.org>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n");
        text.Append("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        text.Append(Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
