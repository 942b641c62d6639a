using System.Threading;

namespace Plivo.Generated.Http;

/// <summary>
/// The <see cref="CancellationTokenSource"/> behind a first attempt's timer. When the caller's token cannot be cancelled
/// (the usual case) a source is reused per thread after <c>TryReset</c>, as Polly's timeout strategy pools its own, so a
/// call does not allocate a source and a timer each time (found with the benchmarks, docs/benchmarks.md).
/// </summary>
internal static class AttemptCancellation
{
#if NET6_0_OR_GREATER
    [System.ThreadStatic]
    private static CancellationTokenSource? t_cached;
#endif

    /// <summary>A source linked to <paramref name="callerToken"/>, not yet set to cancel.</summary>
    public static CancellationTokenSource Rent(CancellationToken callerToken)
    {
#if NET6_0_OR_GREATER
        if (!callerToken.CanBeCanceled)
        {
            var cached = t_cached;
            if (cached is not null)
            {
                t_cached = null;
                return cached;
            }

            return new CancellationTokenSource();
        }
#endif
        return CancellationTokenSource.CreateLinkedTokenSource(callerToken);
    }

    /// <summary>Gives the source back once its attempt is over: kept for reuse if it never fired, disposed otherwise.</summary>
    public static void Return(CancellationTokenSource source, CancellationToken callerToken)
    {
#if NET6_0_OR_GREATER
        if (!callerToken.CanBeCanceled && source.TryReset())
        {
            t_cached = source;
            return;
        }
#endif
        source.Dispose();
    }
}
