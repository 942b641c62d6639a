using System;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>The Powerpack calls of a <see cref="PlivoApi"/>, reached as <c>api.Powerpacks</c>.</summary>
public sealed class PowerpackOperations
{
    private readonly PlivoApi _api;

    internal PowerpackOperations(PlivoApi api)
    {
        _api = api;
    }

    /// <summary>Fetches a Powerpack; its <see cref="Powerpack.NumberPool"/> then manages the pool's toll-free numbers.</summary>
    /// <param name="powerpackUuid">The Powerpack's uuid (8-4-4-4-12 hex digits).</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException"><paramref name="powerpackUuid"/> is null, empty or not a uuid; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when there is no such Powerpack).</exception>
    public async Task<Powerpack> GetAsync(string powerpackUuid, CancellationToken cancellationToken = default)
    {
        var uuid = ArgumentChecks.Uuid(powerpackUuid, nameof(powerpackUuid), _api.Pipeline.Credentials);
        var resource = await _api.PowerpackClient.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
        return new Powerpack(_api, resource);
    }
}
