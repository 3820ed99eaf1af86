using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>Sends logs to the test output, so a failure shows what the applier and replicator did.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum) : ILoggerProvider
{
    private volatile bool _disposed;

    public static ILoggerFactory Factory(ITestOutputHelper output, LogLevel minimum = LogLevel.Debug) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new TestOutputLoggerProvider(output, minimum)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _disposed = true;

    private sealed class Logger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum && !provider._disposed;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} [{eventId.Id}] {category}: {formatter(state, exception)}";
                provider.Output.WriteLine(exception is null ? line : $"{line}{Environment.NewLine}{exception.GetType().Name}: {exception.Message}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }

    private ITestOutputHelper Output => output;

    private LogLevel Minimum => minimum;
}
