using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>Everything a DSN says about one message.</summary>
/// <param name="DsnId">The DSN's own transaction id (also stamped into it).</param>
/// <param name="OriginalId">The message it reports on.</param>
/// <param name="ReportingMta">This appliance's host name.</param>
/// <param name="From">The From address of the report.</param>
/// <param name="OriginalSender">The envelope sender of the message: the report's only recipient.</param>
/// <param name="ArrivalDate">When the appliance accepted the message.</param>
/// <param name="OriginalPayload">The message as journaled; its header block is attached.</param>
/// <param name="Recipients">The recipients every site refused, with the replies.</param>
/// <param name="RemoteMtas">Each site's SMTP host, for Remote-MTA.</param>
/// <param name="PreferredSite">The site whose reply goes into the machine-readable part (the active one).</param>
/// <param name="Now">When the report is written.</param>
internal sealed record DsnContent(
    TransactionId DsnId,
    TransactionId OriginalId,
    string ReportingMta,
    string From,
    string OriginalSender,
    DateTimeOffset ArrivalDate,
    ReadOnlyMemory<byte> OriginalPayload,
    IReadOnlyList<FailedRecipient> Recipients,
    IReadOnlyDictionary<SiteName, string> RemoteMtas,
    SiteName PreferredSite,
    DateTimeOffset Now);
