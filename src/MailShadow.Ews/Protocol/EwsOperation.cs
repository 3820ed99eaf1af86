using System.Xml;

namespace MailShadow.Ews.Protocol;

/// <summary>
/// One EWS call's protocol: how to write its request body and how to read the payload of each of its response messages.
/// No I/O: the request goes to an <see cref="XmlWriter"/>, the response comes from an <see cref="XmlReader"/>.
/// </summary>
internal abstract class EwsOperation<T>
{
    /// <summary>The SOAP operation name; the body element is <c>m:{Name}</c>, the response <c>m:{Name}Response</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the call changes the mailbox, which decides when it may be retried.</summary>
    public abstract bool IsMutating { get; }

    /// <summary>How many response messages the server must send (one per requested id, in order); null when it varies.</summary>
    public abstract int? ExpectedMessageCount { get; }

    /// <summary>Writes the body element <c>m:{Name}</c>.</summary>
    public abstract void WriteBody(XmlWriter writer);

    /// <summary>
    /// Reads the operation's own elements of one response message. Called positioned on the first of them; must consume
    /// every remaining child and the message's end tag (loop with <see cref="XmlReaderExtensions.ReadToNextChildAsync"/>
    /// on <paramref name="messageDepth"/>).
    /// </summary>
    public abstract ValueTask<T?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context);
}
