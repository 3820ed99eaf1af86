namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>What the peer does at the end of DATA: reply with <see cref="Text"/>, or drop the connection without a reply.</summary>
public readonly record struct PeerReply(string? Text, bool Drop = false)
{
    public static PeerReply Ok => new("250 2.6.0 Queued mail for delivery");

    public static PeerReply DropConnection => new(null, Drop: true);

    public static PeerReply With(string text) => new(text);
}
