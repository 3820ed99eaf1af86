namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>One SMTP reply, possibly of several lines.</summary>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransient => Code is >= 400 and < 500;

    public bool IsPermanent => Code >= 500;

    /// <summary>The lines' text joined by spaces.</summary>
    public string Text => string.Join(' ', Lines);

    public override string ToString() => $"{Code} {Text}";
}
