using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>
/// The innermost step when the caller supplies the <see cref="HttpClient"/> (for example from IHttpClientFactory): hands
/// each request to that client, so its handlers, proxy and connection pool are used, and the caller keeps owning it.
/// </summary>
internal sealed class HttpClientForwardingHandler : HttpMessageHandler
{
    private readonly HttpClient _client;

    public HttpClientForwardingHandler(HttpClient client)
    {
        _client = client;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        // HttpClient refuses a message another HttpClient already sent, so the caller's client gets a copy.
        _client.SendAsync(Copy(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // Never disposes the caller's client: the caller owns it.
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>Same method, URI, version, headers and (shared, still owned by the original) content.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, Content = request.Content };
#if NET6_0_OR_GREATER
        // NonValidated: the values as they are, without parsing every header into objects just to print them again.
        foreach (var header in request.Headers.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#else
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif

        return copy;
    }
}
