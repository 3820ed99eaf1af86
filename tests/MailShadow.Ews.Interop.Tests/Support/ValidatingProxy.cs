using System.Collections.Concurrent;
using System.Net;
using MailShadow.Testing.EwsSchema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.Ews.Interop.Tests.Support;

/// <summary>
/// Passes our client's EWS traffic to the lab unchanged (127.0.0.1:0) and validates every request and every XML
/// answer against the published schema on the way. A connection the lab drops mid-answer is dropped towards the client.
/// </summary>
internal sealed class ValidatingProxy : IAsyncDisposable
{
    private static readonly string[] _forwardedHeaders = ["Authorization", "SOAPAction", "X-AnchorMailbox", "User-Agent"];

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentQueue<string> _problems = new();
    private int _validatedResponses;

    private ValidatingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public Uri EwsUri => new(Address, "EWS/Exchange.asmx");

    /// <summary>Requests passed through, in order of arrival.</summary>
    public ConcurrentQueue<byte[]> Requests { get; } = new();

    /// <summary>XML answers checked against the schema.</summary>
    public int ValidatedResponses => _validatedResponses;

    public static async Task<ValidatingProxy> StartAsync(Uri lab)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = lab,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var proxy = new ValidatingProxy(app, upstream);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Address = new Uri(bound.TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Every schema violation seen so far, in requests and in answers.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    public void AssertAllValid()
    {
        Assert.True(_problems.IsEmpty, "Schema problems:\n" + string.Join("\n", _problems));
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var requestBytes = body.ToArray();
        if (requestBytes.Length > 0)
        {
            Requests.Enqueue(requestBytes);
            Check("request", requestBytes);
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        forward.Content = new ByteArrayContent(requestBytes);
        if (context.Request.ContentType is { } contentType)
        {
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var name in _forwardedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                forward.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        byte[] answer;
        HttpResponseMessage response;
        try
        {
            response = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            context.Abort();
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is "WWW-Authenticate" or "Content-Type" or "Retry-After")
                {
                    context.Response.Headers.Append(header.Key, header.Value.ToArray());
                }
            }

            if (response.Content.Headers.ContentType?.MediaType == "text/xml" && answer.Length > 0)
            {
                Check($"answer (HTTP {(int)response.StatusCode})", answer);
                Interlocked.Increment(ref _validatedResponses);
            }

            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        }
    }

    private void Check(string what, byte[] envelope)
    {
        foreach (var error in EwsSchemaValidator.Shared.ValidateEnvelope(envelope))
        {
            _problems.Enqueue($"{what}: {error}\n  {System.Text.Encoding.UTF8.GetString(envelope, 0, Math.Min(envelope.Length, 600))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
