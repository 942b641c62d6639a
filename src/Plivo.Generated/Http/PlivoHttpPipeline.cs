using System;
using System.Net.Http;
using System.Threading;

namespace Plivo.Generated.Http;

/// <summary>Builds the <see cref="HttpClient"/> the generated clients send through: our handlers on top of the transport.</summary>
internal static class PlivoHttpPipeline
{
    /// <summary>A pipeline over a connection pool of its own, disposed with the returned client.</summary>
    public static HttpClient Create(PlivoClientOptions options) => Wrap(options, CreateTransport());

    /// <summary>A pipeline over a caller's <see cref="HttpClient"/>, which stays the caller's to dispose.</summary>
    public static HttpClient Create(PlivoClientOptions options, HttpClient callerClient) =>
        Wrap(options, new HttpClientForwardingHandler(callerClient));

    /// <summary>A pipeline over the given transport, disposed with the returned client (benchmarks: an in-memory handler).</summary>
    internal static HttpClient CreateOver(PlivoClientOptions options, HttpMessageHandler transport) => Wrap(options, transport);

    private static HttpClient Wrap(PlivoClientOptions options, HttpMessageHandler transport) =>
        // The handler enforces the timeouts (and reports them as PlivoRestException), so the HttpClient's own is off.
        new(new ResilientSendHandler(options, transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    private static HttpMessageHandler CreateTransport()
    {
#if NET5_0_OR_GREATER
        // Recycle pooled connections so DNS changes of api.plivo.com are picked up by long-lived processes.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
#else
        return new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
#endif
    }
}
