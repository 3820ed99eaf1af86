namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>What one attempt did for one recipient on one site.</summary>
internal enum RecipientDisposition
{
    /// <summary>The site accepted the message for the recipient (2xx after DATA).</summary>
    Delivered,

    /// <summary>Not delivered this time (4xx, lost connection, timeout); try again later.</summary>
    Transient,

    /// <summary>Refused for good (5xx).</summary>
    Permanent,
}
