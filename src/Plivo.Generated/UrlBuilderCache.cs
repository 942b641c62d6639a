using System.Text;

namespace Plivo.Generated;

/// <summary>
/// One <see cref="StringBuilder"/> per thread for the generated code's request URLs, taken out while in use (so a call
/// that moves between threads, or nests, simply makes a new one). Found with the benchmarks (docs/benchmarks.md):
/// a fresh builder per request grew three times on the way to a ~110-character URL.
/// </summary>
internal static class UrlBuilderCache
{
    private const int Capacity = 256;

    [System.ThreadStatic]
    private static StringBuilder? t_cached;

    /// <summary>An empty builder: this thread's cached one, or a new one.</summary>
    public static StringBuilder Acquire()
    {
        var builder = t_cached;
        if (builder is null)
        {
            return new StringBuilder(Capacity);
        }

        t_cached = null;
        builder.Clear();
        return builder;
    }

    /// <summary>The built URL; the builder goes back to this thread's cache unless a huge URL made it grow.</summary>
    public static string ToStringAndRelease(StringBuilder builder)
    {
        var url = builder.ToString();
        if (builder.Capacity <= Capacity * 4)
        {
            t_cached = builder;
        }

        return url;
    }
}
