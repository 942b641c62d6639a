using System;
using System.Net.Http;
using System.Threading;

namespace Plivo.Generated.Http;

/// <summary>
/// The <see cref="HttpClient"/> a <see cref="PlivoPipeline"/> creates when the caller does not supply one. It follows no
/// redirect (Plivo's API does not redirect; a 3xx is reported) and asks for no compression (Plivo's answers are small
/// JSON; decompression would cost CPU on every call and let a small answer expand without bound).
/// </summary>
internal static class OwnHttpClient
{
    /// <summary>A client over a connection pool of its own, disposed with it.</summary>
    public static HttpClient Create() => Over(CreateTransport());

    /// <summary>A client over the given transport, disposed with it (benchmarks: an in-memory handler).</summary>
    public static HttpClient Over(HttpMessageHandler transport) =>
        // The pipeline enforces the timeouts (and reports them as PlivoRestException), so the HttpClient's own is off.
        new(transport, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    private static HttpMessageHandler CreateTransport()
    {
#if NET5_0_OR_GREATER
        // Recycle pooled connections so DNS changes of api.plivo.com are picked up by long-lived processes.
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None };
#endif
    }
}
