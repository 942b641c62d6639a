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
/// The request pipeline's one step of our own: sends each request (first attempt directly, retries through
/// <see cref="RetryPolicy"/>'s Polly pipeline) under the overall
/// deadline (<see cref="PlivoClientOptions.Timeout"/>), reads every answer whole inside its attempt, logs each attempt,
/// and turns what the network can do wrong (refused or dropped connections, broken bodies, timeouts) into a
/// <see cref="PlivoRestException"/>. The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilientSendHandler : DelegatingHandler
{
    private readonly PlivoClientOptions _options;
    private readonly AttemptLog? _log;
    private ResiliencePipeline<HttpResponseMessage>? _pipeline;

    public ResilientSendHandler(PlivoClientOptions options, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _options = options;
        _log = AttemptLog.For(options);
    }

    /// <summary>The Polly pipeline, built once, on the first call that needs a retry (two builds in a race are equivalent).</summary>
    private ResiliencePipeline<HttpResponseMessage> Pipeline => _pipeline ??= RetryPolicy.Create(_options);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = new Call(this, request);

        // The first attempt runs outside Polly, under one timer for the shorter of the attempt timeout and the deadline:
        // most calls succeed at once, and this keeps Polly (building its pipeline, its per-call work and its JIT on a
        // cold start) and a second timer off that path. Found with the benchmarks (docs/benchmarks.md). When the first
        // outcome is one the retry rule retries, the Polly pipeline runs exactly as it would have, under the rest of the
        // deadline: its first execution replays that outcome instead of sending again, so its ShouldHandle, OnRetry
        // (disposing the answer), delays and attempt numbers are unchanged.
        var outcome = await call.FirstAttemptAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // Read the body inside the attempt: a body that breaks off is a failed attempt, under its timeout.
            if (response.Content is not null)
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>One call's attempts: counts them, times them, logs them.</summary>
    private sealed class Call
    {
        private static readonly double TicksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

        private readonly ResilientSendHandler _handler;
        private readonly long _started = Stopwatch.GetTimestamp();

        public Call(ResilientSendHandler handler, HttpRequestMessage request)
        {
            _handler = handler;
            Request = request;
        }

        public HttpRequestMessage Request { get; }

        public int Attempts { get; private set; }

        public TimeSpan Elapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _started) * TicksPerTimestamp));

        private Outcome<HttpResponseMessage>? _replay;

        /// <summary>
        /// The first attempt, under one timer: <see cref="PlivoClientOptions.AttemptTimeout"/> or, when it is not shorter,
        /// the deadline (<see cref="PlivoClientOptions.Timeout"/>). As in Polly's timeout strategy, a cancellation caused
        /// by the attempt timeout alone becomes a <see cref="TimeoutRejectedException"/>; the deadline's stays an
        /// <see cref="OperationCanceledException"/>, as it was when the deadline cancelled Polly's attempt.
        /// </summary>
        public async ValueTask<Outcome<HttpResponseMessage>> FirstAttemptAsync(CancellationToken cancellationToken)
        {
            var attemptTimeout = _handler._options.AttemptTimeout;
            var deadline = _handler._options.Timeout;
            var deadlineFirst = deadline != Timeout.InfiniteTimeSpan && (attemptTimeout == Timeout.InfiniteTimeSpan || deadline <= attemptTimeout);
            var limit = deadlineFirst ? deadline : attemptTimeout;

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (limit != Timeout.InfiniteTimeSpan)
            {
                attempt.CancelAfter(limit);
            }

            var outcome = await AttemptAsync(attempt.Token).ConfigureAwait(false);
            if (!deadlineFirst && outcome.Exception is OperationCanceledException canceled && attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                    $"The operation didn't complete within the allowed timeout of '{attemptTimeout}'.", attemptTimeout, canceled));
            }

            return outcome;
        }

        /// <summary>Makes the next <see cref="NextAttemptAsync"/> return <paramref name="outcome"/> instead of sending.</summary>
        public void Replay(Outcome<HttpResponseMessage> outcome) => _replay = outcome;

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

        public async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(CancellationToken cancellationToken)
        {
            var attempt = ++Attempts;
            var started = Elapsed;
            try
            {
                var response = await _handler.SendOnceAsync(Request, cancellationToken).ConfigureAwait(false);
                _handler._log?.Answer(Request, response, Elapsed - started, attempt);
                return Outcome.FromResult(response);
            }
            catch (Exception e)
            {
                _handler._log?.Failure(Request, e, Elapsed - started, attempt);
                return Outcome.FromException<HttpResponseMessage>(e);
            }
        }
    }
}
