using System.Text;
using MailShadow.Ews.Protocol;

namespace MailShadow.Ews.Tests.Protocol;

/// <summary>Runs the client's response reading on bytes, without HTTP.</summary>
internal static class Parse
{
    public static Task<EwsResponse<T>> ResponseAsync<T>(EwsOperation<T> operation, byte[] envelope, long maxCharacters = 64L * 1024 * 1024) =>
        SoapEnvelopeReader.ReadAsync(new MemoryStream(envelope, writable: false), operation, EwsXmlReaderSettings.Create(maxCharacters));

    public static Task<EwsResponse<T>> ResponseAsync<T>(EwsOperation<T> operation, string envelope) =>
        ResponseAsync(operation, Encoding.UTF8.GetBytes(envelope));
}
