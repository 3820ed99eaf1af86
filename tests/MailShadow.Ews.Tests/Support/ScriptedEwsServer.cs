using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;
using MailShadow.Testing.EwsSchema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Support;

/// <summary>
/// A small Kestrel peer on 127.0.0.1:0 that answers each POST with the next scripted responder (or a fallback), records
/// every request, and validates every request envelope against the EWS schema. Disposing it fails the test if any
/// request the client sent was not schema-valid. It is a test peer, not an Exchange emulation.
/// </summary>
internal sealed class ScriptedEwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, RecordedRequest, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ITestOutputHelper? _output;
    private int _count;

    private ScriptedEwsServer(WebApplication app, ITestOutputHelper? output)
    {
        _app = app;
        _output = output;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>What answers once the script is used up; by default a canned success for the operation.</summary>
    public Func<HttpContext, RecordedRequest, Task> Fallback { get; set; } = (context, request) => Respond.Canned(context, request);

    public static async Task<ScriptedEwsServer> StartAsync(ITestOutputHelper? output = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new ScriptedEwsServer(app, output);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(new Uri(address), "/EWS/Exchange.asmx");
        return server;
    }

    /// <summary>Queues responders, used one per request in order.</summary>
    public ScriptedEwsServer Then(params Func<HttpContext, RecordedRequest, Task>[] responders)
    {
        foreach (var responder in responders)
        {
            _script.Enqueue(responder);
        }

        return this;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (RequestCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} request(s), got {RequestCount}.");
            }

            await Task.Delay(10);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var number = Interlocked.Increment(ref _count);
        var request = new RecordedRequest(
            number,
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            bytes,
            OperationOf(bytes),
            bytes.Length == 0 ? [] : EwsSchemaValidator.Shared.ValidateEnvelope(bytes));
        _requests.Enqueue(request);
        _output?.WriteLine($"peer <- #{number} {request.Method} {request.Operation} ({bytes.Length} bytes){(request.SchemaErrors.Count > 0 ? " SCHEMA-INVALID" : "")}");

        var responder = _script.TryDequeue(out var next) ? next : Fallback;
        try
        {
            await responder(context, request);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (cancellation or its own timeout); nothing left to answer.
        }
    }

    private static string OperationOf(byte[] body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        try
        {
            var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
            return document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Elements().FirstOrDefault()?.Name.LocalName ?? "";
        }
        catch (System.Xml.XmlException)
        {
            return "(not XML)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
        var invalid = _requests.Where(request => request.SchemaErrors.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException(
                "The client sent schema-invalid requests:" + Environment.NewLine +
                string.Join(Environment.NewLine, invalid.Select(request => $"#{request.Number} {request.Operation}: {string.Join("; ", request.SchemaErrors)}")));
        }
    }
}
