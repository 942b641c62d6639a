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
        _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // Never disposes the caller's client: the caller owns it.
    protected override void Dispose(bool disposing)
    {
    }
}
