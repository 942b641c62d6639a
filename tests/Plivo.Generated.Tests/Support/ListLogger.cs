using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated.Tests.Support;

/// <summary>An ILogger that keeps every line (level and formatted text) for assertions.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
