using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// The base class of every generated client (NSwag's <c>clientBaseClass</c>). Every request the generated code sends
/// is created and sent here, so this is the one place the <c>Authorization</c> and <c>User-Agent</c> headers come from,
/// and the one place retries, timeouts and logging (<see cref="PlivoClientOptions"/>) apply.
/// </summary>
public abstract class PlivoClientBase
{
    /// <summary>Creates the base from the shared configuration.</summary>
    /// <param name="configuration">Credentials, base URL and User-Agent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    protected PlivoClientBase(PlivoClientConfiguration configuration)
    {
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
    }

    /// <summary>The configuration this client was built with.</summary>
    protected PlivoClientConfiguration Configuration { get; }

    /// <summary>Creates each request with Basic auth (Auth ID : Auth Token) and the User-Agent.</summary>
    /// <param name="cancellationToken">Unused; part of NSwag's hook signature.</param>
    protected Task<HttpRequestMessage> CreateHttpRequestMessageAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation("Authorization", Configuration.Credentials.AuthorizationValue);
        request.Headers.TryAddWithoutValidation("User-Agent", Configuration.UserAgent);
        return Task.FromResult(request);
    }

    /// <summary>
    /// Sends a request the generated code built: retried and timed as <see cref="PlivoClientOptions"/> says, the answer's
    /// body read whole, each attempt logged.
    /// </summary>
    /// <param name="client">The client to send on; any of its handlers run for every attempt.</param>
    /// <param name="request">The request; a retry sends a copy of it.</param>
    /// <param name="cancellationToken">Cancels the call; it then ends in an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The answer, whatever its status code, with its body buffered.</returns>
    /// <exception cref="PlivoRestException">No answer: the network failed or a timeout passed (after any retries).</exception>
    protected Task<HttpResponseMessage> SendRequestAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken) =>
        Configuration.Sender.SendAsync(client, request, cancellationToken);
}
