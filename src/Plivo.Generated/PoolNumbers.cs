using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>The numbers (long codes) of one number pool, reached as <c>pool.Numbers</c>. Every argument is checked before a request is sent.</summary>
public sealed class PoolNumbers
{
    private readonly PlivoApi _api;
    private readonly Guid _poolUuid;

    internal PoolNumbers(PlivoApi api, Guid poolUuid)
    {
        _api = api;
        _poolUuid = poolUuid;
    }

    private NumberClient Client => _api.GetClient<NumberClient>();

    private PlivoCredentials Credentials => _api.Pipeline.Credentials;

    /// <summary>Lists one page of the pool's numbers that match <paramref name="filter"/>.</summary>
    /// <param name="filter">Which numbers; null takes all.</param>
    /// <param name="limit">The page size, 1 to 20; null leaves Plivo's default (20).</param>
    /// <param name="offset">How many numbers to skip, 0 or more; null means 0.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The page, with <c>Meta.Next</c> empty on the last one and <c>Meta.TotalCount</c> the count of all that match.</returns>
    /// <exception cref="ArgumentException">A filter value, the limit or the offset is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed.</exception>
    public Task<PoolNumberList> ListAsync(NumberFilter? filter = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        var startsWith = filter?.Validate(nameof(filter));
        ArgumentChecks.PageSize(limit, nameof(limit));
        ArgumentChecks.Offset(offset, nameof(offset));
        return Client.ListAsync(_poolUuid, startsWith, filter?.CountryIso2, filter?.Type, filter?.Service, limit, offset, cancellationToken);
    }

    /// <summary>Every number of the pool that matches <paramref name="filter"/>, page by page; the walk always ends (at most 10,000 pages).</summary>
    /// <param name="filter">Which numbers; null takes all.</param>
    /// <param name="pageSize">How many numbers each request asks for, 1 to 20.</param>
    /// <param name="cancellationToken">Ends the enumeration early.</param>
    /// <exception cref="ArgumentException">A filter value or the page size is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed while fetching a page, or the pages do not add up.</exception>
    public IAsyncEnumerable<PoolNumber> ListAllAsync(NumberFilter? filter = null, int pageSize = PlivoFormats.MaxPageSize, CancellationToken cancellationToken = default)
    {
        var startsWith = filter?.Validate(nameof(filter));
        ArgumentChecks.PageSize(pageSize, nameof(pageSize));
        return PageWalker.WalkAsync(
            (offset, token) => Client.ListAsync(_poolUuid, startsWith, filter?.CountryIso2, filter?.Type, filter?.Service, pageSize, offset, token),
            page => (page.Objects, page.Meta),
            number => number?.Number,
            $"NumberPool/{_poolUuid:D}/Number/",
            Credentials,
            cancellationToken);
    }

    /// <summary>How many of the pool's numbers match <paramref name="filter"/>: a list of one, reading <c>meta.total_count</c>.</summary>
    /// <param name="filter">Which numbers; null counts all.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException">A filter value is out of range; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed, or the answer carried no count.</exception>
    public async Task<int> CountAsync(NumberFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(filter, limit: 1, offset: 0, cancellationToken).ConfigureAwait(false);
        return page.Meta?.TotalCount ?? throw new PlivoRestException(
            $"GET NumberPool/{_poolUuid:D}/Number/ answered without meta.total_count, so the numbers cannot be counted.", 200, null, null, null, Credentials, earlierAttemptMayHaveSucceeded: false);
    }

    /// <summary>Finds a number in the pool.</summary>
    /// <param name="number">The number, E.164 without "+".</param>
    /// <param name="service">The service to look it up for; null leaves it to Plivo.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <exception cref="ArgumentException">The number is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when the number is not in the pool).</exception>
    public Task<PoolNumber> FindAsync(string number, NumberService? service = null, CancellationToken cancellationToken = default)
    {
        var checkedNumber = ArgumentChecks.PhoneNumber(number, nameof(number), Credentials);
        ArgumentChecks.Defined(service, nameof(service));
        return Client.FindAsync(_poolUuid, checkedNumber, service, cancellationToken);
    }

    /// <summary>Adds a number the account rents to the pool (sends <c>{"rent": false}</c>, plus the service when given).</summary>
    /// <param name="number">The number, E.164 without "+".</param>
    /// <param name="service">The service to add it for; null leaves it to Plivo (<c>sms</c>).</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The number as it now stands in the pool.</returns>
    /// <exception cref="ArgumentException">A value is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed. An add is retried only when it provably never left.</exception>
    public Task<PoolNumber> AddAsync(string number, NumberService? service = null, CancellationToken cancellationToken = default)
    {
        var checkedNumber = ArgumentChecks.PhoneNumber(number, nameof(number), Credentials);
        ArgumentChecks.Defined(service, nameof(service));
        return Client.AddAsync(_poolUuid, checkedNumber, new NumberAddRequest { Rent = false, Service = service }, cancellationToken);
    }

    /// <summary>
    /// Buys a number and adds it to the pool (<c>{"rent": true}</c>): <paramref name="number"/> when given; otherwise the
    /// first number Plivo's inventory offers for <paramref name="search"/>.
    /// </summary>
    /// <param name="number">The number to rent and add; null to search for one.</param>
    /// <param name="search">What to search for when no number is given (the country at least).</param>
    /// <param name="service">The service to add it for; null leaves it to Plivo.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>The number as it now stands in the pool.</returns>
    /// <exception cref="ArgumentException">Neither a number nor a search is given, or a value is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed, or the search found no number (status 200, the message says so).</exception>
    public async Task<PoolNumber> BuyAndAddAsync(string? number = null, PhoneNumberSearch? search = null, NumberService? service = null, CancellationToken cancellationToken = default)
    {
        ArgumentChecks.Defined(service, nameof(service));
        if (number is null)
        {
            if (search is null)
            {
                throw new ArgumentNullException(nameof(search), "Give the number to buy, or a search to find one.");
            }

            search.Validate(nameof(search));
            var found = await _api.GetClient<PhoneNumberClient>().SearchAsync(search.CountryIso, search.Type, search.Pattern, search.Region, search.Services, limit: 1, offset: 0, cancellationToken).ConfigureAwait(false);
            number = found.Objects?.FirstOrDefault()?.Number ?? throw new PlivoRestException(
                $"GET PhoneNumber/ found no number to buy for {search}.", 200, null, null, null, Credentials, earlierAttemptMayHaveSucceeded: false);
        }

        var checkedNumber = ArgumentChecks.PhoneNumber(number, nameof(number), Credentials);
        return await Client.AddAsync(_poolUuid, checkedNumber, new NumberAddRequest { Rent = true, Service = service }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a number from the pool (sends <c>{"unrent": ...}</c> in the body, as Plivo's SDKs do).</summary>
    /// <param name="number">The number, E.164 without "+".</param>
    /// <param name="unrent">Also stop renting the number.</param>
    /// <param name="cancellationToken">Ends the call early.</param>
    /// <returns>Plivo's answer; <c>Response</c> is <c>success</c>.</returns>
    /// <exception cref="ArgumentException">The number is malformed; nothing is sent.</exception>
    /// <exception cref="PlivoRestException">Plivo or the network failed (404 when the number is not in the pool; see <see cref="PlivoRestException.EarlierAttemptMayHaveSucceeded"/>).</exception>
    public Task<RemoveResult> RemoveAsync(string number, bool unrent = false, CancellationToken cancellationToken = default)
    {
        var checkedNumber = ArgumentChecks.PhoneNumber(number, nameof(number), Credentials);
        return Client.RemoveAsync(_poolUuid, checkedNumber, new NumberRemoveRequest { Unrent = unrent }, cancellationToken);
    }

    /// <summary>Shows the pool this belongs to.</summary>
    public override string ToString() => $"PoolNumbers(NumberPool={_poolUuid:D})";
}
