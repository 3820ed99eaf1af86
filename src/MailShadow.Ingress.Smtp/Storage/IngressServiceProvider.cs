using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MailShadow.Ingress.Smtp.Storage;

/// <summary>The services SmtpServer looks up; anything else gets its built-in default.</summary>
internal sealed class IngressServiceProvider(
    IEndpointListenerFactory listeners,
    ISmtpCommandFactory commands,
    IMailboxFilterFactory filters,
    IMessageStoreFactory store) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType switch
    {
        _ when serviceType == typeof(IEndpointListenerFactory) => listeners,
        _ when serviceType == typeof(ISmtpCommandFactory) => commands,
        _ when serviceType == typeof(IMailboxFilterFactory) => filters,
        _ when serviceType == typeof(IMessageStoreFactory) => store,
        _ => null,
    };
}
