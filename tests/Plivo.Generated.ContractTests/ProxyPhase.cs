using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Plivo.Generated.Testing;

namespace Plivo.Generated.ContractTests;

/// <summary>
/// Phase 1: <c>prism proxy --errors</c> between the client and <see cref="PlivoSandbox"/>. Prism validates every
/// request the client sends and every answer the sandbox gives against the spec; with <c>--errors</c> a violation
/// turns into an error answer (422 for a request, 500 for a response; 401 for a missing Basic header) and a log line.
/// Every operation runs in its success and its error cases; each must end exactly as expected, Prism must have
/// reported nothing, and every operation of the spec must have had a success and an error on the wire (<see cref="Coverage"/>).
/// </summary>
internal static class ProxyPhase
{
    private const string Phase = "proxy";

    public static async Task RunAsync(PrismSettings settings, Checks checks)
    {
        checks.Phase = Phase;
        var coverage = new Coverage(settings.Spec);
        using var sandbox = PlivoSandbox.Start();
        var seededNumbers = new[] { "18005550101", "18005550102", "18005550103" };
        var seeded = sandbox.AddPowerpack("contract", seededNumbers);
        var empty = sandbox.AddPowerpack("empty");

        // How the paths line up. The spec's server is https://api.plivo.com/v1/Account/{auth_id} and its paths start
        // after it (/Powerpack/...). Prism routes a request by its path alone, matched against the spec's paths (the
        // server's path is not stripped), and when it forwards, it appends the request's path to the upstream URL's. So:
        //   client BaseUrl  http://127.0.0.1:<prism>/            -> the client sends /Account/<auth_id>/Powerpack/...,
        //                                                           which Coverage's handler turns into /Powerpack/...
        //   Prism upstream  http://127.0.0.1:<sandbox>/v1/Account/<auth_id>  -> Prism forwards to /v1/Account/<auth_id>/Powerpack/...
        //   the sandbox     answers under /v1/ (its BaseUrl is http://127.0.0.1:<sandbox>/v1/), like Plivo.
        var upstream = new Uri(sandbox.BaseUrl, "Account/" + sandbox.AuthId).AbsoluteUri;
        using var prism = await PrismProcess.StartAsync(settings, Phase, new[] { "proxy", settings.Spec, upstream }).ConfigureAwait(false);
        try
        {
            var options = ClientOptions.For(prism.BaseUrl);
            using var http = new HttpClient(coverage.Handler(sandbox.AuthId));
            using var api = new PlivoApi(sandbox.AuthId, sandbox.AuthToken, http, options);
            using var wrongToken = new PlivoApi(sandbox.AuthId, "not-the-auth-token", http, options);
            var pool = api.NumberPool(seeded.NumberPoolUuid);
            var emptyPool = api.NumberPool(empty.NumberPoolUuid);
            var unknownPool = api.NumberPool(Guid.NewGuid().ToString("D"));

            // Get
            var powerpack = await checks.SucceedsAsync("Get (found) -> 200", () => api.Powerpacks.GetAsync(seeded.Uuid), p =>
            {
                Checks.Require(p.Uuid == seeded.Uuid, $"uuid {seeded.Uuid}, got {p.Uuid}");
                Checks.Require(p.Name == "contract", $"name 'contract', got '{p.Name}'");
                Checks.Require(p.NumberPoolUuid == seeded.NumberPoolUuid, $"number pool {seeded.NumberPoolUuid}, got {p.NumberPoolUuid} (path {p.NumberPoolPath})");
            }).ConfigureAwait(false);
            await checks.FailsWithAsync("Get (unknown Powerpack) -> 404", 404, () => api.Powerpacks.GetAsync(Guid.NewGuid().ToString("D"))).ConfigureAwait(false);
            await checks.FailsWithAsync("Get (wrong Auth Token) -> 401", 401, () => wrongToken.Powerpacks.GetAsync(seeded.Uuid)).ConfigureAwait(false);

            // Add
            if (powerpack is null)
            {
                checks.Record("Add (new, Version 1: powerpack.AddTollfreeAsync) -> 200", "not run: Get (found) failed");
            }
            else
            {
                await checks.SucceedsAsync("Add (new, Version 1: powerpack.AddTollfreeAsync) -> 200", () => powerpack.AddTollfreeAsync("18772209942"), n =>
                    RequireNumber(n, "18772209942", "sms", seeded.NumberPoolUuid)).ConfigureAwait(false);
            }

            await checks.SucceedsAsync("Add (new, Version 2, mms) -> 200", () => pool.Tollfree.AddAsync("18005550100", NumberService.Mms), n =>
                RequireNumber(n, "18005550100", "mms", seeded.NumberPoolUuid)).ConfigureAwait(false);
            await checks.FailsWithAsync("Add (duplicate) -> 400", 400, () => pool.Tollfree.AddAsync("18005550101")).ConfigureAwait(false);
            await checks.FailsWithAsync("Add (unknown pool) -> 404", 404, () => unknownPool.Tollfree.AddAsync("18772209943")).ConfigureAwait(false);
            await checks.FailsWithAsync("Add (wrong Auth Token) -> 401", 401, () => wrongToken.NumberPool(seeded.NumberPoolUuid).Tollfree.AddAsync("18772209944")).ConfigureAwait(false);
            checks.Record("Add: the sandbox holds exactly the added numbers", ExpectNumbers(sandbox.NumbersIn(seeded.NumberPoolUuid), seededNumbers.Append("18772209942").Append("18005550100")));

            // Find
            await checks.SucceedsAsync("Find (found) -> 200", () => pool.Tollfree.FindAsync("18772209942"), n =>
                RequireNumber(n, "18772209942", "sms", seeded.NumberPoolUuid)).ConfigureAwait(false);
            await checks.FailsWithAsync("Find (not in the pool) -> 404", 404, () => pool.Tollfree.FindAsync("18885550199")).ConfigureAwait(false);

            // List: the pool now holds 5 numbers.
            await checks.SucceedsAsync("List (limit 2, offset 0) -> first page", () => pool.Tollfree.ListAsync(limit: 2, offset: 0), page =>
            {
                RequirePage(page, count: 2, limit: 2, offset: 0, total: 5);
                Checks.Require(!string.IsNullOrEmpty(page.Meta!.Next), "meta.next set on a page that is not the last");
                Checks.Require(page.Meta.Previous is null, $"meta.previous null on the first page, got '{page.Meta.Previous}'");
            }).ConfigureAwait(false);
            await checks.SucceedsAsync("List (limit 2, offset 4) -> last page", () => pool.Tollfree.ListAsync(limit: 2, offset: 4), page =>
            {
                RequirePage(page, count: 1, limit: 2, offset: 4, total: 5);
                Checks.Require(page.Meta!.Next is null, $"meta.next null on the last page, got '{page.Meta.Next}'");
                Checks.Require(!string.IsNullOrEmpty(page.Meta.Previous), "meta.previous set on a page after the first");
            }).ConfigureAwait(false);
            await checks.SucceedsAsync("List (empty pool, no paging parameters) -> 200", () => emptyPool.Tollfree.ListAsync(), page =>
            {
                RequirePage(page, count: 0, limit: 20, offset: 0, total: 0);
                Checks.Require(page.Meta!.Next is null, "meta.next null on an empty pool");
            }).ConfigureAwait(false);
            await checks.FailsWithAsync("List (unknown pool) -> 404", 404, () => unknownPool.Tollfree.ListAsync()).ConfigureAwait(false);

            // ListAll: three pages of 2, 2 and 1.
            await checks.SucceedsAsync("ListAll (page size 2, 3 pages) -> every number in order", () => Collect(pool.Tollfree.ListAllAsync(pageSize: 2)), numbers =>
                Checks.Require(ExpectNumbers(numbers, seededNumbers.Append("18772209942").Append("18005550100")) is null,
                    "the 5 numbers in the order added, got " + string.Join(", ", numbers))).ConfigureAwait(false);
            await checks.SucceedsAsync("ListAll (empty pool) -> nothing", () => Collect(emptyPool.Tollfree.ListAllAsync()), numbers =>
                Checks.Require(numbers.Count == 0, "no numbers, got " + string.Join(", ", numbers))).ConfigureAwait(false);

            // Remove
            await checks.SucceedsAsync("Remove (found) -> 200", () => pool.Tollfree.RemoveAsync("18772209942"), r =>
                Checks.Require(r.Response == "success", $"response 'success', got '{r.Response}'")).ConfigureAwait(false);
            await checks.SucceedsAsync("Remove (found, unrent=true) -> 200", () => pool.Tollfree.RemoveAsync("18005550100", unrent: true), r =>
                Checks.Require(r.Response == "success", $"response 'success', got '{r.Response}'")).ConfigureAwait(false);
            await checks.FailsWithAsync("Remove (not in the pool) -> 404", 404, () => pool.Tollfree.RemoveAsync("18772209942")).ConfigureAwait(false);
            checks.Record("Remove: the sandbox holds the seeded numbers again", ExpectNumbers(sandbox.NumbersIn(seeded.NumberPoolUuid), seededNumbers));

            await FamilyAsync(api, sandbox, checks).ConfigureAwait(false);

            // An error case for every operation of the spec, through its generated client: the wrong Auth Token.
            foreach (var (id, call) in SpecCalls.Every(settings.Spec, wrongToken))
            {
                await checks.FailsWithAsync($"{id} (wrong Auth Token, through its generated client) -> 401", 401, call).ConfigureAwait(false);
            }
        }
        finally
        {
            await prism.StopAsync().ConfigureAwait(false);
        }

        Report.PrismVerdict(checks, prism);
        foreach (var (name, failure) in coverage.Verdicts(needError: true))
        {
            checks.Record(name, failure);
        }

        // Proof that the calls went through Prism to the sandbox and Prism let every one of them through.
        var forwarded = sandbox.Requests.Count;
        var received = prism.Lines.Count(l => l.Contains("Request received", StringComparison.Ordinal));
        checks.Record($"Prism forwarded every request to the sandbox ({received} received, {forwarded} forwarded)",
            received > 0 && received == forwarded ? null : $"Prism received {received} requests, the sandbox got {forwarded}");
    }

    private static void RequireNumber(TollfreeNumber n, string number, string service, string poolUuid)
    {
        Checks.Require(n.Number == number, $"number {number}, got {n.Number}");
        Checks.Require(n.Service == service, $"service {service}, got {n.Service}");
        Checks.Require(n.Type == "tollfree", $"type tollfree, got {n.Type}");
        Checks.Require(n.NumberPoolUuid == poolUuid, $"number_pool_uuid {poolUuid}, got {n.NumberPoolUuid}");
        Checks.Require(n.AddedOn is not null, "added_on set");
    }

    private static void RequirePage(TollfreeNumberList page, int count, int limit, int offset, int total)
    {
        Checks.Require(page.Objects is not null && page.Objects.Count == count, $"{count} objects, got {page.Objects?.Count.ToString() ?? "none"}");
        Checks.Require(page.Meta is not null, "meta set");
        Checks.Require(page.Meta!.Limit == limit && page.Meta.Offset == offset && page.Meta.TotalCount == total,
            $"meta limit {limit}, offset {offset}, total_count {total}; got {page.Meta.Limit}, {page.Meta.Offset}, {page.Meta.TotalCount}");
    }

    // Powerpacks, pool numbers, shortcodes and the phone-number search, each in a success and an error case.
    private static async Task FamilyAsync(PlivoApi api, PlivoSandbox sandbox, Checks checks)
    {
        var seeded = sandbox.AddPowerpack("contract-family", shortcodes: new[] { "444444", "555555" });
        sandbox.AddInventoryNumber("14155550123", NumberType.Fixed, "US", "California");
        var numbers = api.NumberPool(seeded.NumberPoolUuid).Numbers;
        var shortcodes = api.NumberPool(seeded.NumberPoolUuid).Shortcodes;

        await checks.SucceedsAsync("Powerpack list -> every Powerpack", () => api.Powerpacks.ListAsync(limit: 20), page =>
            Checks.Require(page.Meta?.TotalCount >= 3 && page.Objects?.Any(p => p.Name == "contract-family") == true, $"the seeded Powerpacks, got {page.Meta?.TotalCount}")).ConfigureAwait(false);
        var created = await checks.SucceedsAsync("Powerpack create -> 200", () => api.Powerpacks.CreateAsync("contract-created", stickySender: false), p =>
            Checks.Require(p.Name == "contract-created" && p.Resource.StickySender == false && p.NumberPoolUuid is not null, $"the Powerpack created, got {p}")).ConfigureAwait(false);
        await checks.FailsWithAsync("Powerpack create (name taken) -> 400", 400, () => api.Powerpacks.CreateAsync("contract-created")).ConfigureAwait(false);
        if (created is null)
        {
            checks.Record("Powerpack update / delete", "not run: create failed");
        }
        else
        {
            await checks.SucceedsAsync("Powerpack update -> 200", () => created.UpdateAsync(name: "contract-renamed", localConnect: false), p =>
                Checks.Require(p.Name == "contract-renamed" && p.Resource.LocalConnect == false, $"the Powerpack renamed, got {p}")).ConfigureAwait(false);
            await checks.SucceedsAsync("Powerpack delete -> 200", () => created.DeleteAsync(unrentNumbers: true), r =>
                Checks.Require(r.Response == "success", $"success, got {r.Response}")).ConfigureAwait(false);
            await checks.FailsWithAsync("Powerpack delete (gone) -> 404", 404, () => created.DeleteAsync()).ConfigureAwait(false);
            await checks.FailsWithAsync("Powerpack update (gone) -> 404", 404, () => created.UpdateAsync(name: "nobody")).ConfigureAwait(false);
        }

        await checks.SucceedsAsync("Number add -> 200", () => numbers.AddAsync("14155550101"), n =>
            Checks.Require(n.Number == "14155550101" && n.Type == "fixed" && n.NumberPoolUuid == seeded.NumberPoolUuid, $"the number added, got {n.Number} {n.Type}")).ConfigureAwait(false);
        await checks.FailsWithAsync("Number add (duplicate) -> 400", 400, () => numbers.AddAsync("14155550101")).ConfigureAwait(false);
        await checks.SucceedsAsync("Number buy-and-add (searched) -> 200", () => numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US") { Pattern = "415" }), n =>
            Checks.Require(n.Number == "14155550123", $"the inventory's number, got {n.Number}")).ConfigureAwait(false);
        await checks.SucceedsAsync("Phone number search (a country with nothing to rent) -> empty page", () => api.GetClient<IPhoneNumberClient>().SearchAsync("XX"), page =>
            Checks.Require(page.Objects?.Count == 0 && page.Meta?.TotalCount == 0, "no numbers")).ConfigureAwait(false);
        await checks.SucceedsAsync("Number list (US, starts with 1415) -> both", () => numbers.ListAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" } }), page =>
            Checks.Require(page.Meta?.TotalCount == 2, $"2 numbers, got {page.Meta?.TotalCount}")).ConfigureAwait(false);
        await checks.SucceedsAsync("Number count -> 2", () => numbers.CountAsync(), count => Checks.Require(count == 2, $"2, got {count}")).ConfigureAwait(false);
        await checks.FailsWithAsync("Number list (unknown pool) -> 404", 404, () => api.NumberPool(Guid.NewGuid().ToString("D")).Numbers.ListAsync()).ConfigureAwait(false);
        await checks.SucceedsAsync("Number find -> 200", () => numbers.FindAsync("14155550101"), n => Checks.Require(n.Number == "14155550101", "the number")).ConfigureAwait(false);
        await checks.FailsWithAsync("Number find (not in the pool) -> 404", 404, () => numbers.FindAsync("14155550199")).ConfigureAwait(false);
        await checks.SucceedsAsync("Number remove (unrent) -> 200", () => numbers.RemoveAsync("14155550123", unrent: true), r => Checks.Require(r.Response == "success", "success")).ConfigureAwait(false);
        await checks.FailsWithAsync("Number remove (gone) -> 404", 404, () => numbers.RemoveAsync("14155550123")).ConfigureAwait(false);

        await checks.SucceedsAsync("Shortcode list -> 2", () => shortcodes.ListAsync(), page =>
            Checks.Require(page.Objects?.Select(c => c.Shortcode).SequenceEqual(new[] { "444444", "555555" }) == true, "the seeded shortcodes")).ConfigureAwait(false);
        await checks.FailsWithAsync("Shortcode list (unknown pool) -> 404", 404, () => api.NumberPool(Guid.NewGuid().ToString("D")).Shortcodes.ListAsync()).ConfigureAwait(false);
        await checks.SucceedsAsync("Shortcode find -> 200", () => shortcodes.FindAsync("444444"), c => Checks.Require(c.Shortcode == "444444", "the shortcode")).ConfigureAwait(false);
        await checks.FailsWithAsync("Shortcode find (not in the pool) -> 404", 404, () => shortcodes.FindAsync("777777")).ConfigureAwait(false);
        await checks.SucceedsAsync("Shortcode remove -> 200", () => shortcodes.RemoveAsync("555555"), r => Checks.Require(r.Response == "success", "success")).ConfigureAwait(false);
        await checks.FailsWithAsync("Shortcode remove (gone) -> 404", 404, () => shortcodes.RemoveAsync("555555")).ConfigureAwait(false);
    }

    private static string? ExpectNumbers(IEnumerable<string> actual, IEnumerable<string> expected)
    {
        var a = actual.ToList();
        var e = expected.ToList();
        return a.SequenceEqual(e) ? null : $"expected [{string.Join(", ", e)}], got [{string.Join(", ", a)}]";
    }

    internal static async Task<IReadOnlyList<string>> Collect(IAsyncEnumerable<TollfreeNumber> numbers)
    {
        var result = new List<string>();
        await foreach (var n in numbers.ConfigureAwait(false))
        {
            result.Add(n.Number ?? "(null)");
        }

        return result;
    }
}
