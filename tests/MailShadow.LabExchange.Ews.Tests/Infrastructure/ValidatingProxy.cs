using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// Sits between a third-party client and the lab (127.0.0.1:0) and passes everything through unchanged, keeping a
/// copy of each EWS exchange so the tests can check every answer the lab gave the client against the schema. A
/// connection the lab drops mid-answer is dropped towards the client too.
/// </summary>
internal sealed class ValidatingProxy : IAsyncDisposable
{
    private static readonly string[] _forwardedRequestHeaders = ["Authorization", "SOAPAction", "X-AnchorMailbox", "User-Agent"];

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private ValidatingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public ConcurrentQueue<ProxiedExchange> Exchanges { get; } = new();

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public Uri EwsUri => new(Address, "EWS/Exchange.asmx");

    public static async Task<ValidatingProxy> StartAsync(Uri lab, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = lab, Timeout = TimeSpan.FromSeconds(120) };
        var proxy = new ValidatingProxy(app, upstream);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Address = new Uri(bound.TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Every problem found in the answers passed through: schema violations and wrong content types.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var exchange in Exchanges)
        {
            if (exchange.ResponseBody is null || exchange.Status == 401)
            {
                continue;
            }

            if (exchange.ContentType != "text/xml; charset=utf-8")
            {
                problems.Add($"{exchange.Operation}: HTTP {exchange.Status} with Content-Type '{exchange.ContentType}'");
                continue;
            }

            problems.AddRange(EwsSchemaValidator.Instance.Validate(exchange.ResponseBody).Select(error => $"{exchange.Operation}: {error}"));
        }

        return problems;
    }

    public IReadOnlyList<string> Operations => [.. Exchanges.Select(exchange => exchange.Operation)];

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var requestText = System.Text.Encoding.UTF8.GetString(body.ToArray());
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var name in _forwardedRequestHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }

        HttpResponseMessage response;
        byte[] responseBytes;
        try
        {
            response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            responseBytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            Exchanges.Enqueue(new ProxiedExchange(OperationOf(requestText), 0, null, null));
            context.Abort();
            return;
        }

        using (response)
        {
            var text = System.Text.Encoding.UTF8.GetString(responseBytes);
            var responseType = response.Content.Headers.ContentType?.ToString();
            Exchanges.Enqueue(new ProxiedExchange(OperationOf(requestText), (int)response.StatusCode, responseType, text));
            context.Response.StatusCode = (int)response.StatusCode;
            if (responseType is not null)
            {
                context.Response.ContentType = responseType;
            }

            foreach (var challenge in response.Headers.WwwAuthenticate)
            {
                context.Response.Headers.Append("WWW-Authenticate", challenge.ToString());
            }

            await context.Response.Body.WriteAsync(responseBytes, context.RequestAborted);
        }
    }

    private static string OperationOf(string envelope)
    {
        try
        {
            var document = System.Xml.Linq.XDocument.Parse(envelope);
            return document.Root?.Element(EwsReply.S + "Body")?.Elements().FirstOrDefault()?.Name.LocalName ?? "?";
        }
        catch (System.Xml.XmlException)
        {
            return "?";
        }
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
