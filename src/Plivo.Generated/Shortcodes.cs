using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>The shortcodes of one number pool, reached as <c>pool.Shortcodes</c>. Plivo links shortcodes to a pool itself: they can be listed, found and removed, not added.</summary>
public sealed class Shortcodes
{
    private readonly PlivoApi _api;
    private readonly Guid _poolUuid;

    internal Shortcodes(PlivoApi api, Guid poolUuid)
    {
        _api = api;
        _poolUuid = poolUuid;
    }

    private ShortcodeClient Client => _api.GetClient<ShortcodeClient>();

    /// <summary>Lists one page of the pool's shortcodes.</summary>
    /// <param name="limit">The page size, 1 to 20; null leaves Plivo's default (20).</param>
    /// <param name="offset">How many to skip, 0 or more; null means 0.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit or offset is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed.</exception>
    public Task<PoolShortcodeList> ListAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(limit, nameof(limit));
        ArgumentChecks.Offset(offset, nameof(offset));
        return Client.ListAsync(_poolUuid, limit, offset, cancellationToken);
    }

    /// <summary>Every shortcode of the pool, page by page; the walk always ends (at most 10,000 pages).</summary>
    /// <param name="pageSize">How many each request asks for, 1 to 20.</param>
    /// <param name="cancellationToken">Ends the enumeration early.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed while fetching a page, or the pages do not add up.</exception>
    public IAsyncEnumerable<PoolShortcode> ListAllAsync(int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(pageSize, nameof(pageSize));
        return PageWalker.WalkAsync(
            (offset, token) => Client.ListAsync(_poolUuid, pageSize, offset, token),
            page => (page.Objects, page.Meta),
            shortcode => shortcode?.Shortcode,
            $"NumberPool/{_poolUuid:D}/Shortcode/",
            _api.Pipeline.Credentials,
            cancellationToken);
    }

    /// <summary>Finds a shortcode in the pool.</summary>
    /// <param name="shortcode">The shortcode, 3 to 8 digits.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException">The shortcode is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when it is not in the pool).</exception>
    public Task<PoolShortcode> FindAsync(string shortcode, CancellationToken cancellationToken = default) =>
        Client.FindAsync(_poolUuid, ArgumentChecks.Shortcode(shortcode, nameof(shortcode), _api.Pipeline.Credentials), cancellationToken);

    /// <summary>Removes a shortcode from the pool (the account keeps it).</summary>
    /// <param name="shortcode">The shortcode, 3 to 8 digits.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException">The shortcode is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when it is not in the pool).</exception>
    public Task<RemoveResult> RemoveAsync(string shortcode, CancellationToken cancellationToken = default) =>
        Client.RemoveAsync(_poolUuid, ArgumentChecks.Shortcode(shortcode, nameof(shortcode), _api.Pipeline.Credentials), cancellationToken);

    /// <summary>Shows the pool this belongs to.</summary>
    public override string ToString() => $"Shortcodes(NumberPool={_poolUuid:D})";
}
