using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Tests.Support;

/// <summary>Small requests the transport tests send: one read, one write.</summary>
internal static class Sample
{
    public static GetItemRequest GetItem(params string[] ids) => new([.. ids.Select(id => new ItemId(id))]);

    public static GetItemRequest GetOneItem => GetItem("item-1");

    public static CreateItemRequest CreateMessage => new([new NewItem { MimeContent = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n"), IsRead = true }])
    {
        SavedItemFolderId = DistinguishedFolderId.Inbox,
    };
}
