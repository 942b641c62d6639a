using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// A Powerpack (from <c>api.Powerpacks.GetAsync</c>, <c>CreateAsync</c> or <c>ListAllAsync</c>), bound to the
/// <see cref="PlivoApi"/> that fetched it. It offers both of Plivo's call styles: <c>powerpack.AddNumberAsync(n)</c>
/// (Version 1) and <c>powerpack.NumberPool.Numbers.AddAsync(n)</c> (Version 2); Version 1 delegates to Version 2, so they
/// send identical requests.
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

    /// <summary>Changes the fields given and returns the Powerpack as it now is (this object stays as it was).</summary>
    /// <param name="name">A new name, unique in the account.</param>
    /// <param name="stickySender">Whether a recipient keeps getting messages from the same number.</param>
    /// <param name="localConnect">Whether numbers local to the recipient are preferred.</param>
    /// <param name="applicationType">The type of application to send through.</param>
    /// <param name="applicationId">The application to attach, or <c>none</c> to detach it.</param>
    /// <param name="numberPriority">Which kind of number to send from first, per country and service.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException">A value is blank or undefined; nothing is sent.</exception>
    /// <exception cref="InvalidOperationException">Plivo sent this Powerpack without a usable uuid.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed. An update is retried only when it provably never left.</exception>
    public async Task<Powerpack> UpdateAsync(
        string? name = null,
        bool? stickySender = null,
        bool? localConnect = null,
        ApplicationType? applicationType = null,
        string? applicationId = null,
        IEnumerable<NumberPriority>? numberPriority = null,
        CancellationToken cancellationToken = default)
    {
        if (name is not null)
        {
            ArgumentChecks.NotBlank(name, nameof(name));
        }

        ArgumentChecks.Defined(applicationType, nameof(applicationType));
        var request = new PowerpackUpdateRequest
        {
            Name = name,
            StickySender = stickySender,
            LocalConnect = localConnect,
            ApplicationType = applicationType,
            ApplicationId = applicationId,
            NumberPriority = numberPriority?.ToList(),
        };
        return new Powerpack(_api, await _api.PowerpackClient.UpdateAsync(request, OwnUuid, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deletes this Powerpack and its number pool (sends <c>{"unrent_numbers": ...}</c> in the body, as Plivo's SDKs do).</summary>
    /// <param name="unrentNumbers">Also stop renting the pool's numbers.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>Plivo's answer; <c>Response</c> is <c>success</c> (also for Plivo's legacy 204, which carries no body).</returns>
    /// <exception cref="InvalidOperationException">Plivo sent this Powerpack without a usable uuid.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when it is gone; see <see cref="PlivoRestException.EarlierAttemptMayHaveSucceeded"/>).</exception>
    public async Task<RemoveResult> DeleteAsync(bool unrentNumbers = false, CancellationToken cancellationToken = default)
    {
        var result = await _api.PowerpackClient.DeleteAsync(OwnUuid, new PowerpackDeleteRequest { UnrentNumbers = unrentNumbers }, cancellationToken).ConfigureAwait(false);
        result.Response ??= "success"; // the legacy 204 says nothing: it means done
        return result;
    }

    /// <summary>Lists one page of the numbers in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.ListAsync" path="/param|/exception"/>
    public Task<PoolNumberList> ListNumbersAsync(NumberFilter? filter = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.ListAsync(filter, limit, offset, cancellationToken);

    /// <summary>Every number in this Powerpack's pool that matches <paramref name="filter"/> (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.ListAllAsync" path="/param|/exception"/>
    public IAsyncEnumerable<PoolNumber> ListAllNumbersAsync(NumberFilter? filter = null, int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.ListAllAsync(filter, pageSize, cancellationToken);

    /// <summary>How many numbers in this Powerpack's pool match <paramref name="filter"/> (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.CountAsync" path="/param|/exception"/>
    public Task<int> CountNumbersAsync(NumberFilter? filter = null, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.CountAsync(filter, cancellationToken);

    /// <summary>Finds a number in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.FindAsync" path="/param|/exception"/>
    public Task<PoolNumber> FindNumberAsync(string number, NumberService? service = null, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.FindAsync(number, service, cancellationToken);

    /// <summary>Adds a number the account rents to this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.AddAsync" path="/param|/exception"/>
    public Task<PoolNumber> AddNumberAsync(string number, NumberService? service = null, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.AddAsync(number, service, cancellationToken);

    /// <summary>Buys a number (given, or the first a search finds) and adds it to this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.BuyAndAddAsync" path="/param|/exception"/>
    public Task<PoolNumber> BuyAddNumberAsync(string? number = null, PhoneNumberSearch? search = null, NumberService? service = null, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.BuyAndAddAsync(number, search, service, cancellationToken);

    /// <summary>Removes a number from this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="PoolNumbers.RemoveAsync" path="/param|/exception"/>
    public Task<RemoveResult> RemoveNumberAsync(string number, bool unrent = false, CancellationToken cancellationToken = default) =>
        NumberPool.Numbers.RemoveAsync(number, unrent, cancellationToken);

    /// <summary>Lists one page of the shortcodes in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="Shortcodes.ListAsync" path="/param|/exception"/>
    public Task<PoolShortcodeList> ListShortcodesAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        NumberPool.Shortcodes.ListAsync(limit, offset, cancellationToken);

    /// <summary>Finds a shortcode in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="Shortcodes.FindAsync" path="/param|/exception"/>
    public Task<PoolShortcode> FindShortcodeAsync(string shortcode, CancellationToken cancellationToken = default) =>
        NumberPool.Shortcodes.FindAsync(shortcode, cancellationToken);

    /// <summary>Removes a shortcode from this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="Shortcodes.RemoveAsync" path="/param|/exception"/>
    public Task<RemoveResult> RemoveShortcodeAsync(string shortcode, CancellationToken cancellationToken = default) =>
        NumberPool.Shortcodes.RemoveAsync(shortcode, cancellationToken);

    /// <summary>Every shortcode in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="Shortcodes.ListAllAsync" path="/param|/exception"/>
    public IAsyncEnumerable<PoolShortcode> ListAllShortcodesAsync(int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default) =>
        NumberPool.Shortcodes.ListAllAsync(pageSize, cancellationToken);

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

    /// <summary>Every toll-free number in this Powerpack's pool (Version 1 style).</summary>
    /// <inheritdoc cref="TollfreeNumbers.ListAllAsync" path="/param|/exception"/>
    public IAsyncEnumerable<TollfreeNumber> ListAllTollfreeAsync(int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default) =>
        NumberPool.Tollfree.ListAllAsync(pageSize, cancellationToken);

    private Guid OwnUuid => Uuid is { } text && PlivoFormats.IsUuid(text) && Guid.TryParseExact(text, "D", out var uuid)
        ? uuid
        : throw new InvalidOperationException($"This Powerpack ('{Name}') came without a usable uuid ('{Uuid}'), so it cannot be updated or deleted.");

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
