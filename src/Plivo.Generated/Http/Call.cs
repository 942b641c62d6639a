using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Plivo.Generated.Http;

/// <summary>
/// One call through the <see cref="PlivoPipeline"/>: the request as the generated code built it (addressed and
/// authorised here), its attempts (counted, timed, logged), and what the timeout strategies saw.
/// </summary>
internal sealed class Call
{
    private static readonly ResiliencePropertyKey<Call> Key = new("Plivo.Call");
    private static readonly double TicksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    private readonly PlivoPipeline _pipeline;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly RequestSnapshot _snapshot;
    private bool _anyAttemptMayHaveActed;
    private string? _shownPath;

    public Call(PlivoPipeline pipeline, HttpRequestMessage request)
    {
        _pipeline = pipeline;
        Request = request;
        request.RequestUri = Address(pipeline.AccountUrl, pipeline.AccountUrlText, request.RequestUri);
        request.Headers.TryAddWithoutValidation("Authorization", pipeline.Credentials.AuthorizationValue);
        request.Headers.TryAddWithoutValidation("User-Agent", pipeline.UserAgent);
        foreach (var header in pipeline.CallHeaders)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Taken before the first attempt changes the request; not needed when nothing will be sent twice.
        if (pipeline.Options.MaxRetries > 0 || RequestSnapshot.ContentDisposedWhenSent)
        {
            _snapshot = RequestSnapshot.Take(request);
        }
    }

    public HttpRequestMessage Request { get; }

    public PlivoClientOptions Options => _pipeline.Options;

    public PlivoCredentials Credentials => _pipeline.Credentials;

    /// <summary>Where the account's paths start: <c>{BaseUrl}Account/{AuthId}/</c>.</summary>
    public Uri AccountUrl => _pipeline.AccountUrl;

    /// <summary>The call's trace, metrics and raw answer; null while nobody listens.</summary>
    public CallTelemetry? Telemetry { get; set; }

    /// <summary>The caller's own token: an attempt cancelled while it is not was cancelled by a timeout.</summary>
    public CancellationToken CallerCancellation { get; set; }

    /// <summary>
    /// True when an attempt before the latest ended in a way that does not prove Plivo did nothing: no answer (but for a
    /// connection never made), or a 5xx/408. The latest attempt's "not found" may then be that attempt's doing.
    /// </summary>
    public bool EarlierAttemptMayHaveActed { get; private set; }

    public HttpMethod Method => Request.Method;

    /// <summary>The request's path as messages and logs show it: <c>/v1/Account/&lt;Auth ID&gt;/...</c>, redacted (<see cref="PlivoCredentials.Redact"/>).</summary>
    public string ShownPath => _shownPath ??= _pipeline.Credentials.Redact(Request.RequestUri!.AbsolutePath);

    public int Attempts { get; private set; }

    /// <summary>Set when the deadline (<see cref="PlivoClientOptions.Timeout"/>) cancelled the call.</summary>
    public bool DeadlinePassed { get; set; }

    /// <summary>The <see cref="HttpClient.Timeout"/> that ended the last attempt, if that is what ended it.</summary>
    public TimeSpan? HttpClientTimeout { get; private set; }

    public bool PipelineDisposed => _pipeline.IsDisposed;

    public TimeSpan Elapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _started) * TicksPerTimestamp));

    public static Call Of(ResilienceContext context) => context.Properties.GetValue(Key, null!);

    public void AttachTo(ResilienceContext context) => context.Properties.Set(Key, this);

    /// <summary>One attempt: sends (a copy after the first), reads the body whole within the size limit, logs; never throws.</summary>
    public async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(CancellationToken cancellationToken)
    {
        var attempt = ++Attempts;
        var log = _pipeline.Log;
        var started = log is null && Telemetry is null ? default : Elapsed;
        // A client marks a message as sent, so every attempt after the first sends a new one made from the request as it
        // was before the first (as does every attempt on .NET Framework, whose HttpClient disposes a sent request's content).
        var message = attempt == 1 && !RequestSnapshot.ContentDisposedWhenSent ? Request : _snapshot.Create();
        var (sentUri, sentMethod) = (message.RequestUri, message.Method);
        EarlierAttemptMayHaveActed = _anyAttemptMayHaveActed;
        HttpResponseMessage? response = null;
        try
        {
            response = await _pipeline.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            // A caller's HttpClient may follow redirects: an answer from another origin, or to another method (a POST
            // turned GET), is not Plivo's answer. (A handler that rewrites the path on the same origin is the caller's own.)
            if (response.RequestMessage is { } answered && (answered.Method != sentMethod || !SameOrigin(answered.RequestUri, sentUri)))
            {
                throw new RedirectFollowedException(sentMethod, answered.Method, answered.RequestUri);
            }

            if (response.Content is not null)
            {
                await BoundedBody.BufferAsync(response, Options.MaxResponseSize, cancellationToken).ConfigureAwait(false);
            }

            _anyAttemptMayHaveActed |= (int)response.StatusCode is 408 or >= 500;
            log?.Answer(this, response, Elapsed - started, attempt);
            Telemetry?.Attempted(attempt, response, null, Elapsed - started);
            return Outcome.FromResult(response);
        }
        catch (Exception e)
        {
            response?.Dispose();
            var failure = e;
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested && !_pipeline.IsDisposed)
            {
                // Neither our timers nor the caller cancelled: the HttpClient's own Timeout did (a caller-owned client's).
                HttpClientTimeout = _pipeline.HttpClient.Timeout;
                failure = new TimeoutException($"The HttpClient's Timeout ({Failures.Seconds(_pipeline.HttpClient.Timeout)}) elapsed.", e);
            }

            _anyAttemptMayHaveActed |= !RetryRule.NeverSent(failure);
            log?.Failure(this, failure, Elapsed - started, attempt);
            Telemetry?.Attempted(attempt, null, failure is OperationCanceledException && !CallerCancellation.IsCancellationRequested && !_pipeline.IsDisposed ? new TimeoutException("A timeout cancelled the attempt.", failure) : failure, Elapsed - started);
            return Outcome.FromException<HttpResponseMessage>(failure);
        }
    }

    private static bool SameOrigin(Uri? a, Uri? b) =>
        a is null || b is null || (a.IsAbsoluteUri && b.IsAbsoluteUri && Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0);

    // The generated code builds paths relative to the account ("NumberPool/<uuid>/Tollfree/"); an absolute URI is kept.
    private static Uri Address(Uri accountUrl, string accountUrlText, Uri? uri)
    {
        if (uri is null)
        {
            return accountUrl;
        }

        if (uri.IsAbsoluteUri)
        {
            return uri;
        }

        var relative = uri.OriginalString;
        if (HasDotSegment(relative))
        {
            throw new ArgumentException($"The request path '{relative}' holds a '.' or '..' segment, which would address another resource.", "request");
        }

        // A plain relative path goes after the account's: one parse of the whole, not a merge of two (a rooted or
        // scheme-like one is left to Uri's own rules).
        return relative.Length > 0 && relative[0] != '/' && relative.IndexOf(':') < 0
            ? new Uri(accountUrlText + relative, UriKind.Absolute)
            : new Uri(accountUrl, relative);
    }

    private static bool HasDotSegment(string path)
    {
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] is '/' or '?' or '#')
            {
                var length = i - start;
                if ((length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.'))
                {
                    return true;
                }

                if (i < path.Length && path[i] is '?' or '#')
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return false;
    }
}
