using System;
using System.Net.Http;

namespace Plivo.Generated.Http;

/// <summary>The wait a <c>Retry-After</c> header asks for (Polly's <c>DelayGenerator</c>): seconds or an HTTP date, capped.</summary>
internal static class RetryAfter
{
    /// <summary>The wait, between zero and <paramref name="cap"/>; null when the answer has no <c>Retry-After</c>, so Polly's backoff applies.</summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }
}
