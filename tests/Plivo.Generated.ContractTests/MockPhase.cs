using System.Net.Http;
using System.Threading.Tasks;

namespace Plivo.Generated.ContractTests;

/// <summary>
/// Phase 2: <c>prism mock --errors</c>, Prism answering from the spec's examples alone (static: always the example).
/// Every operation of the client must succeed against it: the client's requests must pass Prism's checks, the
/// examples must pass the spec's own schemas, and the client must read them. What the answers hold is the examples'
/// data, whatever was asked, so the checks look at shape rather than at the values sent. Every operation of the
/// spec must have succeeded on the wire (<see cref="Coverage"/>).
/// </summary>
internal static class MockPhase
{
    private const string Phase = "mock";

    // Values the spec's parameters accept: an Auth ID shaped like Plivo's (the examples use this one; the client
    // checks the shape), uuids in 8-4-4-4-12 form (format: uuid) and numbers matching ^[1-9][0-9]{1,14}$.
    private const string AuthId = "MAXXXXXXXXXXXXXXXXXX";
    private const string AuthToken = "contract-test-token";
    private const string PowerpackUuid = "d35f2e82-d387-427f-8594-6fa07613c43a";   // the Get example's uuid
    private const string ExamplePoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099"; // in the Get example's number_pool

    public static async Task RunAsync(PrismSettings settings, Checks checks)
    {
        checks.Phase = Phase;
        var coverage = new Coverage(settings.Spec);
        using var prism = await PrismProcess.StartAsync(settings, Phase, new[] { "mock", settings.Spec }).ConfigureAwait(false);
        try
        {
            using var http = new HttpClient(coverage.Handler(AuthId));
            using var api = new PlivoApi(AuthId, AuthToken, http, ClientOptions.For(prism.BaseUrl));

            var powerpack = await checks.SucceedsAsync("Get -> the example Powerpack", () => api.Powerpacks.GetAsync(PowerpackUuid), p =>
            {
                Checks.Require(p.Uuid == PowerpackUuid, $"uuid {PowerpackUuid}, got {p.Uuid}");
                Checks.Require(p.NumberPoolUuid == ExamplePoolUuid, $"the example's number_pool parsed to {ExamplePoolUuid}, got {p.NumberPoolUuid} (path {p.NumberPoolPath})");
            }).ConfigureAwait(false);

            // The pool as the Powerpack names it, when Get worked; the same pool by uuid otherwise, so the rest still runs.
            var pool = powerpack?.NumberPool ?? api.NumberPool(ExamplePoolUuid);
            if (powerpack is not null)
            {
                await checks.SucceedsAsync("Add (Version 1: powerpack.AddTollfreeAsync)", () => powerpack.AddTollfreeAsync("18772209942"), RequireNumber).ConfigureAwait(false);
            }
            else
            {
                checks.Record("Add (Version 1: powerpack.AddTollfreeAsync)", "not run: Get failed");
            }

            await checks.SucceedsAsync("Add (Version 2, mms)", () => pool.Tollfree.AddAsync("18005550100", NumberService.Mms), RequireNumber).ConfigureAwait(false);
            await checks.SucceedsAsync("Find", () => pool.Tollfree.FindAsync("18772209942"), RequireNumber).ConfigureAwait(false);
            await checks.SucceedsAsync("List (limit 20, offset 0)", () => pool.Tollfree.ListAsync(limit: 20, offset: 0), RequireOnePage).ConfigureAwait(false);
            await checks.SucceedsAsync("List (no paging parameters)", () => pool.Tollfree.ListAsync(), RequireOnePage).ConfigureAwait(false);
            // The example's meta.next is null: ListAll must stop after one request and yield the example's one number.
            await checks.SucceedsAsync("ListAll -> one page, one number", () => ProxyPhase.Collect(pool.Tollfree.ListAllAsync()), numbers =>
                Checks.Require(numbers.Count == 1, $"1 number, got {numbers.Count}: {string.Join(", ", numbers)}")).ConfigureAwait(false);
            await checks.SucceedsAsync("Remove", () => pool.Tollfree.RemoveAsync("18772209942"), r =>
                Checks.Require(r.Response == "success", $"response 'success', got '{r.Response}'")).ConfigureAwait(false);
            await checks.SucceedsAsync("Remove (unrent=true)", () => pool.Tollfree.RemoveAsync("18772209942", unrent: true), r =>
                Checks.Require(r.Response == "success", $"response 'success', got '{r.Response}'")).ConfigureAwait(false);

            // And every operation of the spec through its generated client, with the spec's example arguments.
            foreach (var (id, call) in SpecCalls.Every(settings.Spec, api))
            {
                await checks.SucceedsAsync($"{id} through its generated client", async () => { await call().ConfigureAwait(false); return true; }).ConfigureAwait(false);
            }
        }
        finally
        {
            await prism.StopAsync().ConfigureAwait(false);
        }

        Report.PrismVerdict(checks, prism);
        foreach (var (name, failure) in coverage.Verdicts(needError: false))
        {
            checks.Record(name, failure);
        }
    }

    private static void RequireNumber(TollfreeNumber n)
    {
        Checks.Require(!string.IsNullOrEmpty(n.Number), "a number");
        Checks.Require(n.Type == "tollfree", $"type tollfree, got {n.Type}");
        Checks.Require(n.AddedOn is not null, "added_on set");
    }

    private static void RequireOnePage(TollfreeNumberList page)
    {
        Checks.Require(page.Objects is { Count: 1 }, $"the example's 1 object, got {page.Objects?.Count.ToString() ?? "none"}");
        Checks.Require(page.Meta is { Next: null, TotalCount: 1 }, "meta.next null and total_count 1 (the example)");
    }
}
