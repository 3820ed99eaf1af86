using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>ResolveNames: one response message with the matches.</summary>
internal sealed class ResolveNamesOperation(ResolveNamesRequest request) : EwsOperation<ResolveNamesResult>
{
    public override string Name => "ResolveNames";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => 1;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttribute("ReturnFullContactData", request.ReturnFullContactData);
        if (request.SearchScope is { } scope)
        {
            writer.WriteAttributeString("SearchScope", scope);
        }

        writer.WriteElementM("UnresolvedEntry", request.UnresolvedEntry);
        writer.WriteEndElement();
    }

    public override async ValueTask<ResolveNamesResult?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        ResolveNamesResult? result = null;
        do
        {
            if (reader.LocalName == "ResolutionSet")
            {
                result = await ReadResolutionSetAsync(reader, context);
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return result;
    }

    private static async ValueTask<ResolveNamesResult> ReadResolutionSetAsync(XmlReader reader, EwsReadContext context)
    {
        var total = reader.GetInt32Attribute("TotalItemsInView") ?? 0;
        var includesLast = reader.GetBooleanAttribute("IncludesLastItemInRange") ?? true;
        var resolutions = new List<NameResolution>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName != "Resolution")
                {
                    await reader.SkipAsync();
                    continue;
                }

                Mailbox? mailbox = null;
                string? contactName = null;
                var resolutionDepth = reader.Depth;
                if (await reader.EnterElementAsync())
                {
                    while (await reader.ReadToNextChildAsync(resolutionDepth))
                    {
                        switch (reader.LocalName)
                        {
                            case "Mailbox":
                                mailbox = await MailboxReader.ReadMailboxAsync(reader);
                                break;
                            case "Contact":
                                contactName = await ReadContactDisplayNameAsync(reader);
                                break;
                            default:
                                await reader.SkipAsync();
                                break;
                        }
                    }
                }

                if (mailbox is not null)
                {
                    resolutions.Add(new NameResolution(mailbox, contactName));
                }
            }
        }

        return new ResolveNamesResult(resolutions, total, includesLast);
    }

    private static async ValueTask<string?> ReadContactDisplayNameAsync(XmlReader reader)
    {
        string? displayName = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName == "DisplayName")
                {
                    displayName = await reader.ReadStringAsync();
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }

        return displayName;
    }
}
