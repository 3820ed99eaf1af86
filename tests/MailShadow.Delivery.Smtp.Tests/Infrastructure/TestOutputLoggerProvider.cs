using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>Sends logs to the test output, so a failure shows what delivery did.</summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum = LogLevel.Debug) : ILoggerProvider
{
    private readonly ITestOutputHelper _output = output;
    private readonly LogLevel _minimum = minimum;
    private volatile bool _disposed;

    public static ILoggerFactory Factory(ITestOutputHelper output, LogLevel minimum = LogLevel.Debug) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new TestOutputLoggerProvider(output, minimum)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _disposed = true;

    private sealed class Logger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && !provider._disposed;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} [{eventId.Id}] {category}: {formatter(state, exception)}";
                provider._output.WriteLine(exception is null ? line : $"{line}{Environment.NewLine}{exception.GetType().Name}: {exception.Message}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }
}
