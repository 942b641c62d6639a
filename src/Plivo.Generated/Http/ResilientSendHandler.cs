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
/// The request pipeline's one step of our own: sends each request through <see cref="RetryPolicy"/> under the overall
/// deadline (<see cref="PlivoClientOptions.Timeout"/>), reads every answer whole inside its attempt, logs each attempt,
/// and turns what the network can do wrong (refused or dropped connections, broken bodies, timeouts) into a
/// <see cref="PlivoRestException"/>. The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilientSendHandler : DelegatingHandler
{
    private readonly PlivoClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly AttemptLog? _log;

    public ResilientSendHandler(PlivoClientOptions options, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _options = options;
        _pipeline = RetryPolicy.Create(options);
        _log = AttemptLog.For(options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(_options.Timeout);
        }

        var call = new Call(this, request);
        var context = ResilienceContextPool.Shared.Get(deadline.Token);
        context.Properties.Set(RetryPolicy.RequestKey, request);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.AttemptAsync(ctx.CancellationToken), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
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
