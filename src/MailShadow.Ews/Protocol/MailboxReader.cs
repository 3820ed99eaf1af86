using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads <c>t:Mailbox</c> and single-recipient wrappers such as <c>t:From</c>.</summary>
internal static class MailboxReader
{
    /// <summary>Reads a wrapper (<c>t:From</c>, <c>t:Sender</c>) whose child is a <c>t:Mailbox</c>.</summary>
    public static async ValueTask<Mailbox?> ReadRecipientAsync(XmlReader reader)
    {
        Mailbox? mailbox = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName == "Mailbox")
                {
                    mailbox = await ReadMailboxAsync(reader);
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }

        return mailbox;
    }

    /// <summary>Reads a <c>t:Mailbox</c>; null when it has no address (a one-off recipient without one).</summary>
    public static async ValueTask<Mailbox?> ReadMailboxAsync(XmlReader reader)
    {
        string? name = null, address = null, routingType = null, mailboxType = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                switch (reader.LocalName)
                {
                    case "Name":
                        name = await reader.ReadStringAsync();
                        break;
                    case "EmailAddress":
                        address = await reader.ReadStringAsync();
                        break;
                    case "RoutingType":
                        routingType = await reader.ReadStringAsync();
                        break;
                    case "MailboxType":
                        mailboxType = await reader.ReadStringAsync();
                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
        }

        return string.IsNullOrWhiteSpace(address) ? null : new Mailbox(address, name, routingType, mailboxType);
    }
}
