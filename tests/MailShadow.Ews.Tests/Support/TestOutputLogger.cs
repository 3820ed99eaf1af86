using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Support;

/// <summary>Writes log events to the test's output, so a failure shows what the client did; can also collect them.</summary>
internal sealed class TestOutputLogger<T>(ITestOutputHelper? output) : ILogger<T>
{
    private readonly List<(int EventId, string Message)> _events = [];

    public IReadOnlyList<(int EventId, string Message)> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (_events)
        {
            _events.Add((eventId.Id, message));
        }

        try
        {
            output?.WriteLine($"[{logLevel} {eventId.Id}] {message}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; its output is closed.
        }
    }
}
