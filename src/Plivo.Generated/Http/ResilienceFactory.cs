using System;
using System.Net.Http;
using System.Threading;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Plivo.Generated.Http;

/// <summary>
/// The Polly.Core pipeline every call runs through, built once per <see cref="PlivoPipeline"/> from Polly's own
/// strategies: the deadline (<see cref="PlivoClientOptions.Timeout"/>) around the retry (exponential backoff with
/// jitter from <see cref="PlivoClientOptions.RetryDelay"/>, capped at <see cref="PlivoClientOptions.MaxRetryDelay"/>;
/// <c>Retry-After</c> honoured up to <see cref="PlivoClientOptions.MaxRetryAfter"/>) around the attempt timeout
/// (<see cref="PlivoClientOptions.AttemptTimeout"/>). What is retried is <see cref="RetryRule"/>'s.
/// </summary>
internal static class ResilienceFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(PlivoClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "Deadline",
                Timeout = options.Timeout,
                OnTimeout = static args =>
                {
                    Call.Of(args.Context).DeadlinePassed = true;
                    return default;
                },
            });
        }

        if (options.MaxRetries > 0)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = static args => new(RetryRule.ShouldRetry(Call.Of(args.Context).Method, args.Outcome)),
                DelayGenerator = args => new(RetryAfter.Delay(args.Outcome.Result, maxRetryAfter)),
                OnRetry = static args =>
                {
                    Call.Of(args.Context).Telemetry?.Retrying(args.Outcome);
                    // The next attempt replaces this answer: give its connection back now.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Attempt", Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }
}
