using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>
/// The outermost step of the request pipeline: enforces <see cref="PlivoClientOptions.Timeout"/> on the whole call
/// (request and body), reads the body into memory while the timeout still runs, and turns what the network can do wrong
/// (refused or dropped connections, broken bodies, timeouts) into a <see cref="PlivoRestException"/>. A caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class TransportFaultHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    public TransportFaultHandler(TimeSpan timeout, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _timeout = timeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_timeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.Content is not null)
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(timeout.Token).ConfigureAwait(false);
#else
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw PlivoRestException.Transport(
                $"{request.Method} {Describe(request)} timed out after {_timeout.TotalSeconds:0.###} s (PlivoClientOptions.Timeout).", null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            response?.Dispose();
            throw PlivoRestException.Transport($"{request.Method} {Describe(request)} failed: {e.Message}", e);
        }
    }

    // The path only: the host is in the options, and a query could carry anything.
    private static string Describe(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "(no URI)";
}
