using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>The toll-free numbers of one number pool, reached as <c>pool.Tollfree</c>. Every argument is checked before a request is sent.</summary>
public sealed class TollfreeNumbers
{
    private readonly PlivoApi _api;
    private readonly Guid _poolUuid;

    internal TollfreeNumbers(PlivoApi api, Guid poolUuid)
    {
        _api = api;
        _poolUuid = poolUuid;
    }

    /// <summary>Adds a toll-free number the account owns to the pool (sends <c>{"rent": false}</c>, plus the service when given).</summary>
    /// <param name="tollfreeNumber">The number, E.164 without "+": ASCII digits only, such as <c>18772209942</c>.</param>
    /// <param name="service">The service to add it for (<c>sms</c> or <c>mms</c>); null leaves it to Plivo.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The number as it now stands in the pool.</returns>
    /// <exception cref="ArgumentException">A value is null, empty or malformed; the exception names it and nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed; see its <c>StatusCode</c>, <c>ApiId</c> and <c>Error</c>.</exception>
    public Task<TollfreeNumber> AddAsync(string tollfreeNumber, NumberService? service = null, CancellationToken cancellationToken = default)
    {
        var number = ArgumentChecks.TollfreeNumber(tollfreeNumber, nameof(tollfreeNumber), _api.Pipeline.Credentials);
        ArgumentChecks.Defined(service, nameof(service));

        var body = new NumberAddRequest { Rent = false, Service = service };
        return _api.TollfreeClient.AddAsync(_poolUuid, number, body, cancellationToken);
    }

    /// <summary>Finds a toll-free number in the pool.</summary>
    /// <param name="tollfreeNumber">The number, E.164 without "+": ASCII digits only.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The number as it stands in the pool.</returns>
    /// <exception cref="ArgumentException">The number is null, empty or malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when the number is not in the pool).</exception>
    public Task<TollfreeNumber> FindAsync(string tollfreeNumber, CancellationToken cancellationToken = default)
    {
        var number = ArgumentChecks.TollfreeNumber(tollfreeNumber, nameof(tollfreeNumber), _api.Pipeline.Credentials);
        return _api.TollfreeClient.FindAsync(_poolUuid, number, cancellationToken);
    }

    /// <summary>Lists one page of the pool's toll-free numbers.</summary>
    /// <param name="limit">The page size, 1 to 20; null leaves Plivo's default (20).</param>
    /// <param name="offset">How many numbers to skip, 0 or more; null means 0.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The page, with <c>Meta.Next</c> null on the last one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit or offset is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed.</exception>
    public Task<TollfreeNumberList> ListAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(limit, nameof(limit));
        ArgumentChecks.Offset(offset, nameof(offset));
        return _api.TollfreeClient.ListAsync(_poolUuid, limit, offset, cancellationToken);
    }

    /// <summary>
    /// Every toll-free number in the pool, fetched page by page (limit/offset) until <c>meta.next</c> is empty; a number
    /// seen on an earlier page is not yielded twice. The walk always ends (see <see cref="PageWalker"/>: at most 10,000 pages).
    /// </summary>
    /// <param name="pageSize">How many numbers each request asks for, 1 to 20.</param>
    /// <param name="cancellationToken">Ends the enumeration early.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed while fetching a page, or the pages do not add up (a server that ignores offset).</exception>
    public IAsyncEnumerable<TollfreeNumber> ListAllAsync(int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.PageSize(pageSize, nameof(pageSize));
        return PageWalker.WalkAsync(
            (offset, token) => _api.TollfreeClient.ListAsync(_poolUuid, pageSize, offset, token),
            page => (page.Objects, page.Meta),
            number => number?.Number,
            $"NumberPool/{_poolUuid:D}/Tollfree/",
            _api.Pipeline.Credentials,
            cancellationToken);
    }

    /// <summary>Removes a toll-free number from the pool.</summary>
    /// <param name="tollfreeNumber">The number, E.164 without "+": ASCII digits only.</param>
    /// <param name="unrent">Also stop renting the number (sent as <c>{"unrent": ...}</c> in the body, as Plivo's SDKs do).</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>Plivo's answer; <c>Response</c> is <c>success</c>.</returns>
    /// <exception cref="ArgumentException">The number is null, empty or malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when the number is not in the pool).</exception>
    public Task<RemoveResult> RemoveAsync(string tollfreeNumber, bool unrent = false, CancellationToken cancellationToken = default)
    {
        var number = ArgumentChecks.TollfreeNumber(tollfreeNumber, nameof(tollfreeNumber), _api.Pipeline.Credentials);
        return _api.TollfreeClient.RemoveAsync(_poolUuid, number, new NumberRemoveRequest { Unrent = unrent }, cancellationToken);
    }

    /// <summary>Shows the pool this belongs to.</summary>
    public override string ToString() => $"TollfreeNumbers(NumberPool={_poolUuid:D})";
}
