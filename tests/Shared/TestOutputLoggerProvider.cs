using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Testing;

/// <summary>
/// Sends logs to a test's output, so a failing test shows what the code under test did. Compiled into each test
/// project that needs it (linked from <c>tests/Shared</c>). The framework's own categories (<c>Microsoft.*</c>) are
/// shown from Warning up, ours from <c>minimum</c>.
/// </summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum = LogLevel.Debug) : ILoggerProvider
{
    private volatile bool _disposed;

    public static ILoggerFactory Factory(ITestOutputHelper output, LogLevel minimum = LogLevel.Debug) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new TestOutputLoggerProvider(output, minimum)));

    public ILogger CreateLogger(string categoryName) =>
        new Logger(this, categoryName, categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) ? Max(minimum, LogLevel.Warning) : minimum);

    public void Dispose() => _disposed = true;

    private static LogLevel Max(LogLevel a, LogLevel b) => a > b ? a : b;

    private void Write(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }

    private sealed class Logger(TestOutputLoggerProvider provider, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && !provider._disposed;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} [{eventId.Id}] {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception.GetType().Name}: {exception.Message}");
        }
    }
}
