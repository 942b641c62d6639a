using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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

    private PowerpackClient Client => _api.PowerpackClient;

    /// <summary>Fetches a Powerpack; its <see cref="Powerpack.NumberPool"/> then manages the pool's numbers.</summary>
    /// <param name="powerpackUuid">The Powerpack's uuid (8-4-4-4-12 hex digits).</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException"><paramref name="powerpackUuid"/> is null, empty or not a uuid; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when there is no such Powerpack).</exception>
    public async Task<Powerpack> GetAsync(string powerpackUuid, CancellationToken cancellationToken = default)
    {
        var uuid = ArgumentChecks.Uuid(powerpackUuid, nameof(powerpackUuid), _api.Pipeline.Credentials);
        var resource = await Client.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
        return new Powerpack(_api, resource);
    }

    /// <summary>Lists one page of the account's Powerpacks.</summary>
    /// <param name="limit">The page size, 1 to 20; null leaves Plivo's default (20).</param>
    /// <param name="offset">How many to skip, 0 or more; null means 0.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The page as Plivo sent it; <see cref="Wrap"/> turns one of its objects into a <see cref="Powerpack"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit or offset is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed.</exception>
    public Task<PowerpackList> ListAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(limit, nameof(limit));
        ArgumentChecks.Offset(offset, nameof(offset));
        return Client.ListAsync(limit, offset, cancellationToken);
    }

    /// <summary>Every Powerpack of the account, page by page; the walk always ends (at most 10,000 pages).</summary>
    /// <param name="pageSize">How many each request asks for, 1 to 20.</param>
    /// <param name="cancellationToken">Ends the enumeration early.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed while fetching a page, or the pages do not add up.</exception>
    public IAsyncEnumerable<Powerpack> ListAllAsync(int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(pageSize, nameof(pageSize));
        return Bind(PageWalker.WalkAsync(
            (offset, token) => Client.ListAsync(pageSize, offset, token),
            page => (page.Objects, page.Meta),
            powerpack => powerpack?.Uuid,
            "Powerpack/",
            _api.Pipeline.Credentials,
            cancellationToken), cancellationToken);
    }

    /// <summary>Creates a Powerpack, with a number pool of its own.</summary>
    /// <param name="name">Its name, unique in the account.</param>
    /// <param name="stickySender">Whether a recipient keeps getting messages from the same number; null leaves Plivo's default (true).</param>
    /// <param name="localConnect">Whether numbers local to the recipient are preferred; null leaves Plivo's default (true).</param>
    /// <param name="applicationType">The type of application to send through.</param>
    /// <param name="applicationId">The application to attach, or <c>none</c>.</param>
    /// <param name="numberPriority">Which kind of number to send from first, per country and service.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The Powerpack created.</returns>
    /// <exception cref="ArgumentException">The name is blank, or a value is undefined; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (400 when the name is taken). A create is retried only when it provably never left.</exception>
    public async Task<Powerpack> CreateAsync(
        string name,
        bool? stickySender = null,
        bool? localConnect = null,
        ApplicationType? applicationType = null,
        string? applicationId = null,
        IEnumerable<NumberPriority>? numberPriority = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentChecks.NotBlank(name, nameof(name));
        ArgumentChecks.Defined(applicationType, nameof(applicationType));
        var request = new PowerpackCreateRequest
        {
            Name = name,
            StickySender = stickySender,
            LocalConnect = localConnect,
            ApplicationType = applicationType,
            ApplicationId = applicationId,
            NumberPriority = numberPriority?.ToList(),
        };
        return new Powerpack(_api, await Client.CreateAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A <see cref="Powerpack"/> bound to this API for a Powerpack as Plivo sent it (an object of <see cref="ListAsync"/>'s page).</summary>
    /// <param name="resource">The Powerpack as Plivo sent it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is null.</exception>
    public Powerpack Wrap(PowerpackResource resource) => new(_api, resource ?? throw new ArgumentNullException(nameof(resource)));

    private async IAsyncEnumerable<Powerpack> Bind(IAsyncEnumerable<PowerpackResource> resources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var resource in resources.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new Powerpack(_api, resource ?? new PowerpackResource());
        }
    }
}
