namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>Why message data is refused even though it arrived whole.</summary>
internal enum MessageDefect
{
    None,

    /// <summary>An LF without a CR before it: the SMTP smuggling vector.</summary>
    BareLineFeed,

    /// <summary>A CR without an LF after it.</summary>
    BareCarriageReturn,

    /// <summary>The header block is larger than allowed.</summary>
    HeaderTooLarge,
}
