using Microsoft.AspNetCore.Http;

namespace MailShadow.Admin.Http;

/// <summary>The caller's address as logs and <c>decidedBy</c> show it.</summary>
internal static class RemoteAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
