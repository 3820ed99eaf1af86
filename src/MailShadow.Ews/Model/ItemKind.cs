namespace MailShadow.Ews.Model;

/// <summary>The element an item is written as (<c>t:Message</c>, <c>t:CalendarItem</c> …).</summary>
public enum ItemKind
{
    /// <summary>An element this client does not name; its common item properties are still read.</summary>
    Other,
    Item,
    Message,
    CalendarItem,
    Contact,
    DistributionList,
    Task,
    PostItem,
    MeetingMessage,
    MeetingRequest,
    MeetingResponse,
    MeetingCancellation,
    SharingMessage,
}
