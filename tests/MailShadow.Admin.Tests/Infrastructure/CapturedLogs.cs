using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests.Infrastructure;

/// <summary>Keeps every log event (message, structured values, exception) and echoes it to the test output.</summary>
public sealed class CapturedLogs(ITestOutputHelper? output) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedEvent> _events = new();

    public IReadOnlyList<CapturedEvent> Events => [.. _events];

    /// <summary>Everything any event carried, as one text to search.</summary>
    public string AllText => string.Join(Environment.NewLine, _events.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record CapturedEvent(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, string?> Values, string? Exception)
    {
        public string Text => $"[{EventId}] {Category}: {Message} {string.Join(" ", Values.Select(v => $"{v.Key}={v.Value}"))} {Exception}";
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value?.ToString())
                : new Dictionary<string, string?>();
            var captured = new CapturedEvent(category, logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString());
            logs._events.Enqueue(captured);
            try
            {
                logs.Echo(captured);
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }

    private void Echo(CapturedEvent captured)
    {
        if (captured.Level >= LogLevel.Information)
        {
            output?.WriteLine($"{captured.Level} [{captured.EventId}] {captured.Category}: {captured.Message}");
        }
    }
}
