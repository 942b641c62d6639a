using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using Polly;

namespace Plivo.Generated.Http;

/// <summary>
/// One call's trace, metrics and raw answer: a <see cref="ActivityKind.Client"/> span named by the spec's operationId
/// with OpenTelemetry's HTTP client attributes (the path as its spec template: no number, uuid or Auth ID), an event
/// per attempt, the duration histogram, the retry counter, and the <see cref="PlivoResponseInfo"/> for
/// <see cref="PlivoApi.WithResponseAsync{T}"/>. None is made while nobody listens (<see cref="Start"/> returns null).
/// No request or answer body and no header value ever goes into a tag or an event.
/// </summary>
internal sealed class CallTelemetry
{
    private readonly Call _call;
    private readonly Activity? _activity;
    private readonly ResponseCapture? _capture;
    private readonly SpecOperation? _operation;

    private CallTelemetry(Call call, ResponseCapture? capture, bool tracing)
    {
        _call = call;
        _capture = capture;
        var uri = call.Request.RequestUri!;
        var account = call.AccountUrl.AbsolutePath;
        var path = uri.AbsolutePath;
        _operation = FindOperation(call.Method, path, account);
        if (!tracing)
        {
            return;
        }

        _activity = PlivoTelemetry.Source.StartActivity(_operation?.Id ?? "Plivo " + call.Method.Method, ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("server.address", call.Credentials.Redact(uri.Host));
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.template", _operation?.Template);
            activity.SetTag("plivo.operation", _operation?.Id);
        }
    }

    /// <summary>The spec's operationId of the call, or null when the request matched none.</summary>
    public string? OperationId => _operation?.Id;

    /// <summary>Set by the benchmarks only, to measure what the checks below cost against not making them at all.</summary>
    internal static bool SkippedForBenchmarks { get; set; }

    /// <summary>A telemetry for <paramref name="call"/>, or null when no listener, meter or capture wants one.</summary>
    public static CallTelemetry? Start(Call call)
    {
        if (SkippedForBenchmarks)
        {
            return null;
        }

        var capture = ResponseCapture.Current;
        var tracing = PlivoTelemetry.Source.HasListeners();
        return tracing || capture is not null || PlivoTelemetry.CallDuration.Enabled || PlivoTelemetry.Retries.Enabled
            ? new CallTelemetry(call, capture, tracing)
            : null;
    }

    /// <summary>The operation <paramref name="path"/> is for; never throws (telemetry must not break a call).</summary>
    private static SpecOperation? FindOperation(HttpMethod method, string path, string account)
    {
        try
        {
            return path.StartsWith(account, StringComparison.Ordinal) ? SpecOperations.Current.Find(method, path.Substring(account.Length)) : null;
        }
#pragma warning disable CA1031 // a broken embedded document names no operation; the call goes on
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>An attempt ended, with an answer or a failure.</summary>
    public void Attempted(int attempt, HttpResponseMessage? response, Exception? failure, TimeSpan took)
    {
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            ["plivo.attempt"] = attempt,
            ["plivo.attempt.duration_ms"] = Math.Round(took.TotalMilliseconds, 3),
        };
        if (response is not null)
        {
            tags["http.response.status_code"] = (int)response.StatusCode;
        }
        else
        {
            tags["error.type"] = ErrorType(failure);
        }

        activity.AddEvent(new ActivityEvent("plivo.attempt", tags: tags));
    }

    /// <summary>Polly is about to try again after <paramref name="outcome"/>.</summary>
    public void Retrying(Outcome<HttpResponseMessage> outcome)
    {
        if (PlivoTelemetry.Retries.Enabled)
        {
            var reason = outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : ErrorType(outcome.Exception);
            PlivoTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("plivo.operation", OperationId), new KeyValuePair<string, object?>("plivo.retry.reason", reason));
        }
    }

    /// <summary>The call ended with a 2xx answer.</summary>
    public void Succeeded(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var apiId = _capture is not null || _activity is { IsAllDataRequested: true } ? ApiIdOf(response) : null;
        apiId = apiId is null ? null : _call.Credentials.Redact(apiId);
        End(status, errorType: null, apiId, Headers(response));
    }

    /// <summary>The call ended otherwise: an error status, a fault, a timeout, a cancellation.</summary>
    public void Failed(Exception failure)
    {
        var rest = failure as PlivoRestException;
        var status = rest?.StatusCode ?? 0;
        var errorType = status != 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : ErrorType(rest?.InnerException ?? failure);
        var headers = rest?.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        End(status, errorType, rest?.ApiId, headers ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));
    }

    private void End(int status, string? errorType, string? apiId, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        var elapsed = _call.Elapsed;
        if (PlivoTelemetry.CallDuration.Enabled)
        {
            // Only the tags that have a value: a success has no error.type, a call with no answer no status.
            var tags = new TagList { { "plivo.operation", OperationId } };
            if (status != 0)
            {
                tags.Add("http.response.status_code", status);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            PlivoTelemetry.CallDuration.Record(elapsed.TotalSeconds, tags);
        }

        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("http.response.status_code", status == 0 ? null : status);
                activity.SetTag("error.type", errorType);
                activity.SetTag("plivo.api_id", apiId);
                activity.SetTag("plivo.attempts", _call.Attempts);
                if (errorType is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, errorType);
                }
            }

            activity.Dispose();
        }

        _capture?.Add(new PlivoResponseInfo(OperationId, _call.Method.Method, status, headers, apiId, _call.Attempts, elapsed));
    }

    // A low-cardinality name for a failure: its type's full name, a timeout's being "timeout".
    private static string ErrorType(Exception? failure) => failure switch
    {
        null => "_OTHER",
        TimeoutException or Polly.Timeout.TimeoutRejectedException => "timeout",
        OperationCanceledException => "canceled",
        _ => failure.GetType().FullName ?? "_OTHER",
    };

    private static Dictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = header.Value.ToList();
        }

        return headers;
    }

    private static string? ApiIdOf(HttpResponseMessage response) =>
        response.Content is BufferedContent { Bytes.Count: > 0 } content ? ApiId.Find(content.Bytes) : null;
}
