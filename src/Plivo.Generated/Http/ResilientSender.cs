using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace Plivo.Generated.Http;

/// <summary>
/// Sends every request of the generated clients (through <see cref="PlivoClientBase"/>) on the given
/// <see cref="HttpClient"/>: the first attempt directly, retries through <see cref="RetryPolicy"/>'s Polly pipeline,
/// all under the overall deadline (<see cref="PlivoClientOptions.Timeout"/>). It reads every answer whole inside its
/// attempt, logs each attempt, and turns what the network can do wrong (refused or dropped connections, broken bodies,
/// timeouts) into a <see cref="PlivoRestException"/>. The caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>. One instance per <see cref="PlivoClientConfiguration"/>, shared by its clients.
/// </summary>
/// <remarks>
/// It wraps the send instead of sitting in the <see cref="HttpClient"/>'s handler chain so that a caller-owned client
/// (IHttpClientFactory) is used as it is: a handler of ours would need an <see cref="HttpClient"/> of ours in front of
/// the caller's and a copy of every request (found with the benchmarks, docs/benchmarks.md).
/// </remarks>
internal sealed class ResilientSender
{
    private readonly PlivoClientOptions _options;
    private readonly AttemptLog? _log;
    private ResiliencePipeline<HttpResponseMessage>? _pipeline;

    public ResilientSender(PlivoClientOptions options)
    {
        _options = options;
        _log = AttemptLog.For(options);
    }

    /// <summary>The Polly pipeline, built once, on the first call that needs a retry (two builds in a race are equivalent).</summary>
    private ResiliencePipeline<HttpResponseMessage> Pipeline => _pipeline ??= RetryPolicy.Create(_options);

    /// <summary>Sends <paramref name="request"/> on <paramref name="client"/>, retrying as <see cref="RetryPolicy"/> says; the answer's body is buffered.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = new Call(this, client, request);

        // The first attempt runs outside Polly, under one timer for the shorter of the attempt timeout and the deadline:
        // most calls succeed at once, and this keeps Polly (building its pipeline, its per-call work and its JIT on a
        // cold start) and a second timer off that path. Found with the benchmarks (docs/benchmarks.md). When the first
        // outcome is one the retry rule retries, the Polly pipeline runs exactly as it would have, under the rest of the
        // deadline: its first execution replays that outcome instead of sending again, so its ShouldHandle, OnRetry
        // (disposing the answer), delays and attempt numbers are unchanged.
        // As in Polly's timeout strategy, a cancellation caused by the attempt timeout alone becomes a
        // TimeoutRejectedException; the deadline's stays an OperationCanceledException, as when the deadline cancelled
        // Polly's attempt.
        var attemptTimeout = _options.AttemptTimeout;
        var deadlineFirst = _options.Timeout != Timeout.InfiniteTimeSpan && (attemptTimeout == Timeout.InfiniteTimeSpan || _options.Timeout <= attemptTimeout);
        var limit = deadlineFirst ? _options.Timeout : attemptTimeout;
        var attempt = AttemptCancellation.Rent(cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            if (limit != Timeout.InfiniteTimeSpan)
            {
                attempt.CancelAfter(limit);
            }

            outcome = await call.AttemptAsync(attempt.Token).ConfigureAwait(false);
            if (!deadlineFirst && outcome.Exception is OperationCanceledException canceled && attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                outcome = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                    $"The operation didn't complete within the allowed timeout of '{attemptTimeout}'.", attemptTimeout, canceled));
            }
        }
        finally
        {
            AttemptCancellation.Return(attempt, cancellationToken);
        }

        if (_options.MaxRetries > 0 && RetryPolicy.ShouldRetry(request.Method, outcome))
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_options.Timeout != Timeout.InfiniteTimeSpan)
            {
                var remaining = _options.Timeout - call.Elapsed;
                if (remaining > TimeSpan.Zero)
                {
                    deadline.CancelAfter(remaining);
                }
                else
                {
                    deadline.Cancel();
                }
            }

            call.Replay(outcome);
            var context = ResilienceContextPool.Shared.Get(deadline.Token);
            context.Properties.Set(RetryPolicy.RequestKey, request);
            try
            {
                outcome = await Pipeline.ExecuteOutcomeAsync(
                    static (ctx, state) => state.NextAttemptAsync(ctx.CancellationToken), context, call).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
                call.DisposeUnusedReplay();
            }
        }

        if (outcome.Exception is not { } failure)
        {
            return outcome.Result!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw Describe(failure, call);
    }

    private Exception Describe(Exception failure, Call call)
    {
        var what = $"{call.Request.Method} {call.Request.RequestUri?.AbsolutePath}";
        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        switch (failure)
        {
            case TimeoutRejectedException:
                return PlivoRestException.Transport(
                    $"{what} timed out: no whole answer within {Seconds(_options.AttemptTimeout)} (PlivoClientOptions.AttemptTimeout); {attempts} in {Seconds(call.Elapsed)}.", failure);
            case OperationCanceledException:
                return PlivoRestException.Transport(
                    $"{what} timed out after {Seconds(_options.Timeout)} (PlivoClientOptions.Timeout); {attempts}.", failure);
            case HttpRequestException or IOException:
                return PlivoRestException.Transport($"{what} failed after {attempts}: {failure.Message}", failure);
            default:
                ExceptionDispatchInfo.Capture(failure).Throw();
                return failure; // not reached
        }
    }

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds:0.###} s";

    /// <summary>One call's attempts: counts them, times them, logs them.</summary>
    private sealed class Call
    {
        private static readonly double TicksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

        private readonly ResilientSender _sender;
        private readonly HttpClient _client;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly RequestSnapshot _snapshot;
        private Outcome<HttpResponseMessage>? _replay;

        public Call(ResilientSender sender, HttpClient client, HttpRequestMessage request)
        {
            _sender = sender;
            _client = client;
            Request = request;

            // Taken before the first attempt changes the request; not needed when nothing will be sent twice.
            if (sender._options.MaxRetries > 0 || RequestSnapshot.ContentDisposedWhenSent)
            {
                _snapshot = RequestSnapshot.Take(request);
            }
        }

        public HttpRequestMessage Request { get; }

        public int Attempts { get; private set; }

        public TimeSpan Elapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _started) * TicksPerTimestamp));

        /// <summary>Makes the next <see cref="NextAttemptAsync"/> return <paramref name="outcome"/> instead of sending.</summary>
        public void Replay(Outcome<HttpResponseMessage> outcome) => _replay = outcome;

        /// <summary>Disposes the first answer if Polly never asked for it (the deadline had passed before the retry began).</summary>
        public void DisposeUnusedReplay()
        {
            _replay?.Result?.Dispose();
            _replay = null;
        }

        /// <summary>Polly's callback: the replayed first outcome once, then real attempts.</summary>
        public ValueTask<Outcome<HttpResponseMessage>> NextAttemptAsync(CancellationToken cancellationToken)
        {
            if (_replay is { } replay)
            {
                _replay = null;
                return new ValueTask<Outcome<HttpResponseMessage>>(replay);
            }

            return AttemptAsync(cancellationToken);
        }

        /// <summary>One attempt: sends (a copy after the first), reads the body whole, logs; never throws.</summary>
        public async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(CancellationToken cancellationToken)
        {
            var attempt = ++Attempts;
            var started = _sender._log is null ? default : Elapsed; // only the log needs an attempt's own time
            // The client marks a message as sent, so every attempt after the first sends a new one made from the
            // request as it was before the first (as does every attempt on .NET Framework, whose HttpClient disposes a
            // sent request's content).
            var message = attempt == 1 && !RequestSnapshot.ContentDisposedWhenSent ? Request : _snapshot.Create();
            HttpResponseMessage? response = null;
            try
            {
                response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

                // Read the body inside the attempt: a body that breaks off is a failed attempt, under its timeout.
                if (response.Content is not null)
                {
                    await ResponseBody.BufferAsync(response, cancellationToken).ConfigureAwait(false);
                }

                _sender._log?.Answer(Request, response, Elapsed - started, attempt);
                return Outcome.FromResult(response);
            }
            catch (Exception e)
            {
                response?.Dispose();
                _sender._log?.Failure(Request, e, Elapsed - started, attempt);
                return Outcome.FromException<HttpResponseMessage>(e);
            }
        }
    }
}
