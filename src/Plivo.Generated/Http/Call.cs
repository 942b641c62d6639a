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

    public Call(PlivoPipeline pipeline, HttpRequestMessage request)
    {
        _pipeline = pipeline;
        Request = request;
        request.RequestUri = Address(pipeline.AccountUrl, request.RequestUri);
        ShownPath = Shown(request.RequestUri, pipeline.Credentials);
        request.Headers.TryAddWithoutValidation("Authorization", pipeline.Credentials.AuthorizationValue);
        request.Headers.TryAddWithoutValidation("User-Agent", pipeline.UserAgent);

        // Taken before the first attempt changes the request; not needed when nothing will be sent twice.
        if (pipeline.Options.MaxRetries > 0 || RequestSnapshot.ContentDisposedWhenSent)
        {
            _snapshot = RequestSnapshot.Take(request);
        }
    }

    public HttpRequestMessage Request { get; }

    public PlivoClientOptions Options => _pipeline.Options;

    public HttpMethod Method => Request.Method;

    /// <summary>The request's path as messages and logs show it: <c>/v1/Account/&lt;Auth ID&gt;/...</c>, the Auth ID redacted if it could be a token.</summary>
    public string ShownPath { get; }

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
        var started = log is null ? default : Elapsed;
        // A client marks a message as sent, so every attempt after the first sends a new one made from the request as it
        // was before the first (as does every attempt on .NET Framework, whose HttpClient disposes a sent request's content).
        var message = attempt == 1 && !RequestSnapshot.ContentDisposedWhenSent ? Request : _snapshot.Create();
        HttpResponseMessage? response = null;
        try
        {
            response = await _pipeline.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.Content is not null)
            {
                await BoundedBody.BufferAsync(response, Options.MaxResponseSize, cancellationToken).ConfigureAwait(false);
            }

            log?.Answer(this, response, Elapsed - started, attempt);
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

            log?.Failure(this, failure, Elapsed - started, attempt);
            return Outcome.FromException<HttpResponseMessage>(failure);
        }
    }

    private static string Shown(Uri uri, PlivoCredentials credentials)
    {
        var path = uri.AbsolutePath;
        var redacted = credentials.RedactedAuthId;
        return redacted == credentials.AuthId ? path : path.Replace("/Account/" + credentials.AuthId + "/", "/Account/" + redacted + "/");
    }

    // The generated code builds paths relative to the account ("NumberPool/<uuid>/Tollfree/"); an absolute URI is kept.
    private static Uri Address(Uri accountUrl, Uri? uri)
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

        return new Uri(accountUrl, relative);
    }

    private static bool HasDotSegment(string path)
    {
        var end = path.IndexOfAny(new[] { '?', '#' });
        var segments = (end < 0 ? path : path.Substring(0, end)).Split('/');
        foreach (var segment in segments)
        {
            if (segment is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
