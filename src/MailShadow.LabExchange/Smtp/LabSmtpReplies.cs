using System.Globalization;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using SmtpServer.Protocol;

namespace MailShadow.LabExchange.Smtp;

/// <summary>The replies the lab gives, worded as Exchange words them.</summary>
internal static class LabSmtpReplies
{
    public static LabSmtpReply DefaultTempFail { get; } = new(451, "4.3.2 System not accepting network messages");

    public static LabSmtpReply DefaultPermFail { get; } = new(550, "5.1.1 User unknown");

    public static SmtpResponse UnableToRelay { get; } = new((SmtpReplyCode)550, "5.7.1 Unable to relay");

    public static SmtpResponse UserUnknown { get; } = new((SmtpReplyCode)550, "5.1.1 User unknown");

    /// <summary>The store failed: the sender must keep the message and try again, never bounce it.</summary>
    public static SmtpResponse ForStoreFailure(LabStoreFailure failure) => failure == LabStoreFailure.DiskFull
        ? new SmtpResponse((SmtpReplyCode)452, "4.3.1 Insufficient system storage")
        : new SmtpResponse((SmtpReplyCode)451, "4.3.0 Temporary server error. Please try again later");

    public static SmtpResponse Queued(string? internetMessageId, long internalId, string serverName) =>
        new(SmtpReplyCode.Ok, string.Create(
            CultureInfo.InvariantCulture,
            $"2.6.0 {internetMessageId ?? "<>"} [InternalId={internalId}, Hostname={serverName}] Queued mail for delivery"));

    public static SmtpResponse ToResponse(this LabSmtpReply reply) => new((SmtpReplyCode)reply.Code, reply.Text);
}
