using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated.Http;

/// <summary>
/// One log line per attempt: method, path, status (or the failure), duration and attempt number. Headers are never
/// logged, so the Authorization header cannot leak; bodies only at Trace and only with <see cref="PlivoClientOptions.LogBodies"/>.
/// </summary>
internal sealed class AttemptLog
{
    private static readonly Action<ILogger, string, string, int, double, int, Exception?> Answered = LoggerMessage.Define<string, string, int, double, int>(
        LogLevel.Information, new EventId(1, "PlivoAttempt"), "Plivo {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, int, double, int, Exception?> AnsweredWithError = LoggerMessage.Define<string, string, int, double, int>(
        LogLevel.Warning, new EventId(1, "PlivoAttempt"), "Plivo {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, double, int, Exception?> Failed = LoggerMessage.Define<string, string, string, double, int>(
        LogLevel.Warning, new EventId(2, "PlivoAttemptFailed"), "Plivo {Method} {Path} failed ({Failure}) after {ElapsedMs:0.0} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, string, Exception?> Bodies = LoggerMessage.Define<string, string, string, string>(
        LogLevel.Trace, new EventId(3, "PlivoBodies"), "Plivo {Method} {Path} request body: {RequestBody} response body: {ResponseBody}");

    private readonly ILogger _logger;
    private readonly bool _logBodies;

    private AttemptLog(ILogger logger, bool logBodies)
    {
        _logger = logger;
        _logBodies = logBodies;
    }

    /// <summary>Null when the options carry no logger, so the hot path skips logging with one null check.</summary>
    public static AttemptLog? For(PlivoClientOptions options) => options.Logger is null ? null : new AttemptLog(options.Logger, options.LogBodies);

    public void Answer(HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed, int attempt)
    {
        var status = (int)response.StatusCode;
        var log = status < 400 ? Answered : AnsweredWithError;
        log(_logger, request.Method.Method, Path(request), status, elapsed.TotalMilliseconds, attempt, null);
        if (_logBodies && _logger.IsEnabled(LogLevel.Trace))
        {
            var requestBody = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty;
            var responseBody = response.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty;
            Bodies(_logger, request.Method.Method, Path(request), requestBody, responseBody, null);
        }
    }

    public void Failure(HttpRequestMessage request, Exception exception, TimeSpan elapsed, int attempt) =>
        Failed(_logger, request.Method.Method, Path(request), exception.GetType().Name + ": " + exception.Message, elapsed.TotalMilliseconds, attempt, null);

    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "(no URI)";
}
