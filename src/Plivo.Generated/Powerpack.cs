using System;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// A Powerpack fetched with <c>api.Powerpacks.GetAsync</c>, bound to the <see cref="PlivoApi"/> that fetched it. It offers
/// both of Plivo's call styles: <c>powerpack.AddTollfreeAsync(n)</c> (Version 1) and
/// <c>powerpack.NumberPool.Tollfree.AddAsync(n)</c> (Version 2); they send identical requests.
/// </summary>
/// <remarks>
/// Plivo names the pool only by a path (<c>number_pool</c>); the generated <see cref="PowerpackResource"/> keeps that path
/// as <see cref="PowerpackResource.NumberPool"/>, and this type exposes it as <see cref="NumberPoolPath"/> so that
/// <see cref="NumberPool"/> can be the pool itself.
/// </remarks>
public sealed class Powerpack
{
    private const string PoolSegment = "/NumberPool/";
    private readonly PlivoApi _api;
    private readonly NumberPool? _numberPool;

    internal Powerpack(PlivoApi api, PowerpackResource resource)
    {
        _api = api;
        Resource = resource;
        var poolUuid = ParsePoolUuid(resource.NumberPool);
        if (poolUuid is { } uuid)
        {
            _numberPool = new NumberPool(api, uuid);
        }
    }

    /// <summary>Everything Plivo returned, including fields this version does not know (in <see cref="PowerpackResource.AdditionalProperties"/>).</summary>
    public PowerpackResource Resource { get; }

    /// <summary>The Powerpack's uuid.</summary>
    public string? Uuid => Resource.Uuid;

    /// <summary>The Powerpack's name.</summary>
    public string? Name => Resource.Name;

    /// <summary>The path of the Powerpack's number pool as Plivo sends it: <c>/v1/Account/&lt;auth_id&gt;/NumberPool/&lt;uuid&gt;/</c>.</summary>
    public string? NumberPoolPath => Resource.NumberPool;

    /// <summary>The uuid of the Powerpack's number pool (the path segment after <c>NumberPool/</c>), or null if the path is missing or malformed.</summary>
    public string? NumberPoolUuid => _numberPool?.Uuid;

    /// <summary>The Powerpack's number pool (Version 2 style: <c>powerpack.NumberPool.Tollfree.AddAsync(n)</c>).</summary>
    /// <exception cref="InvalidOperationException">Plivo sent no usable <c>number_pool</c> path; the message names the Powerpack and the path.</exception>
    public NumberPool NumberPool => _numberPool ?? throw new InvalidOperationException(
        $"Powerpack {Uuid ?? "(no uuid)"} ('{Name}') has no usable number pool: its number_pool is " +
        (NumberPoolPath is null ? "missing" : $"'{NumberPoolPath}', not a path like /v1/Account/<auth_id>/NumberPool/<uuid>/") + ".");

    /// <summary>Adds a toll-free number to this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="TollfreeNumbers.AddAsync" path="/param|/exception"/>
    public Task<TollfreeNumber> AddTollfreeAsync(string tollfreeNumber, NumberService? service = null, CancellationToken cancellationToken = default) =>
        NumberPool.Tollfree.AddAsync(tollfreeNumber, service, cancellationToken);

    /// <summary>Finds a toll-free number in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="TollfreeNumbers.FindAsync" path="/param|/exception"/>
    public Task<TollfreeNumber> FindTollfreeAsync(string tollfreeNumber, CancellationToken cancellationToken = default) =>
        NumberPool.Tollfree.FindAsync(tollfreeNumber, cancellationToken);

    /// <summary>Lists one page of the toll-free numbers in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="TollfreeNumbers.ListAsync" path="/param|/exception"/>
    public Task<TollfreeNumberList> ListTollfreeAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        NumberPool.Tollfree.ListAsync(limit, offset, cancellationToken);

    /// <summary>Removes a toll-free number from this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="TollfreeNumbers.RemoveAsync" path="/param|/exception"/>
    public Task<RemoveResult> RemoveTollfreeAsync(string tollfreeNumber, bool unrent = false, CancellationToken cancellationToken = default) =>
        NumberPool.Tollfree.RemoveAsync(tollfreeNumber, unrent, cancellationToken);

    /// <summary>Shows the uuid, name and pool path.</summary>
    public override string ToString() => $"Powerpack(Uuid={Uuid}, Name={Name}, NumberPool={NumberPoolPath})";

    // "/v1/Account/MA.../NumberPool/<uuid>/" -> <uuid>; anything else -> null.
    internal static Guid? ParsePoolUuid(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var start = path.IndexOf(PoolSegment, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += PoolSegment.Length;
        var end = path.IndexOf('/', start);
        var segment = end < 0 ? path.Substring(start) : path.Substring(start, end - start);
        var rest = end < 0 ? string.Empty : path.Substring(end + 1);
        return rest.Length == 0 && Guid.TryParseExact(segment, "D", out var uuid) ? uuid : null;
    }
}
