using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated.Http;

/// <summary>
/// One log line per attempt: method, path (the Auth ID redacted if it could be a token), status (or the failure), duration and
/// attempt number. Headers are never logged, so the Authorization header cannot leak; bodies only at Trace and only
/// with <see cref="PlivoClientOptions.LogBodies"/>. A logger that throws is ignored: logging never changes a call's outcome.
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

    public void Answer(Call call, HttpResponseMessage response, TimeSpan elapsed, int attempt)
    {
        try
        {
            var status = (int)response.StatusCode;
            var log = status < 400 ? Answered : AnsweredWithError;
            log(_logger, call.Method.Method, call.ShownPath, status, elapsed.TotalMilliseconds, attempt, null);
            // Bodies are the caller's and Plivo's data, logged only when asked; the token is masked in them too.
            if (_logBodies && _logger.IsEnabled(LogLevel.Trace))
            {
                var requestBody = RequestBody(call.Request);
                var responseBody = response.Content is BufferedContent buffered ? BodyText.Decode(buffered) ?? string.Empty : string.Empty;
                Bodies(_logger, call.Method.Method, call.ShownPath, call.Credentials.Redact(requestBody), call.Credentials.Redact(responseBody), null);
            }
        }
        catch (Exception)
        {
            // A logger's failure is the logger's; the call goes on.
        }
    }

    public void Failure(Call call, Exception exception, TimeSpan elapsed, int attempt)
    {
        try
        {
            Failed(_logger, call.Method.Method, call.ShownPath, call.Credentials.Redact(exception.GetType().Name + ": " + exception.Message), elapsed.TotalMilliseconds, attempt, null);
        }
        catch (Exception)
        {
            // As above.
        }
    }

    // The generated code sends JSON built from bytes (StringContent): read back as text, or nothing when it cannot be.
    private static string RequestBody(HttpRequestMessage request)
    {
        try
        {
            return request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty;
        }
        catch (Exception)
        {
            return "(unreadable)";
        }
    }
}
