using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// The base class of every generated client (NSwag's <c>clientBaseClass</c>). Every request the generated code sends
/// is created here, so this is the one place the <c>Authorization</c> and <c>User-Agent</c> headers come from.
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
        request.Headers.Authorization = Configuration.Credentials.CreateAuthorizationHeader();
        request.Headers.TryAddWithoutValidation("User-Agent", Configuration.UserAgent);
        return Task.FromResult(request);
    }
}
