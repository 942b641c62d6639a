using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Plivo.Generated.Http;

/// <summary>
/// When a request is tried again, and after how long: a Polly.Core pipeline (retry around a per-attempt timeout),
/// built once per <see cref="PlivoApi"/>.
/// <list type="bullet">
/// <item>GET and DELETE are idempotent: retried on 408, 429, 500, 502, 503, 504, connection failures and attempt timeouts.</item>
/// <item>POST (the add) is not: Plivo may have added the number before failing, so it is retried only on 429 and on
/// connection failures that prove the request never left (connection refused, host not found).</item>
/// <item>Waits grow exponentially with jitter (<see cref="PlivoClientOptions.RetryDelay"/> x 2^n x [1, 2)), capped at
/// <see cref="PlivoClientOptions.MaxRetryDelay"/>; a <c>Retry-After</c> header (seconds or an HTTP date) wins, up to
/// <see cref="PlivoClientOptions.MaxRetryAfter"/>.</item>
/// </list>
/// </summary>
internal static class RetryPolicy
{
    /// <summary>The request being sent, so the retry decision can look at its method.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Plivo.Request");

    [ThreadStatic]
    private static Random? t_jitter;

    public static ResiliencePipeline<HttpResponseMessage> Create(PlivoClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context.Properties.GetValue(RequestKey, null!).Method, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    RetryAfter(args.Outcome.Result, options.MaxRetryAfter) ?? Backoff(args.AttemptNumber, options.RetryDelay, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    // The next attempt replaces this answer: give its connection back now.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }

    internal static bool ShouldRetry(HttpMethod method, Outcome<HttpResponseMessage> outcome)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status == 429 || (idempotent && status is 408 or 500 or 502 or 503 or 504);
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException => idempotent,
            OperationCanceledException => false, // the caller's cancellation or the overall deadline: stop
            { } e when NeverSent(e) => true,
            HttpRequestException or System.IO.IOException => idempotent,
            _ => false,
        };
    }

    /// <summary>True when the failure proves the request never reached a server: connection refused or host not found.</summary>
    internal static bool NeverSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
#if NET8_0_OR_GREATER
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return true;
            }
#endif
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The wait <c>Retry-After</c> asks for, capped; null when the answer has none.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }

    /// <summary>Exponential backoff with jitter: base x 2^attempt x [1, 2), capped.</summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan cap)
    {
        var jitter = 1.0 + (t_jitter ??= new Random()).NextDouble();
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30)) * jitter;
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
