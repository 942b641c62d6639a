using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// The whole Powerpack family against the sandbox, in both of Plivo's call styles: Powerpacks (create, list, get,
/// update, delete with unrent_numbers), a pool's numbers (add, list with filters, count, find, remove with unrent,
/// buy-and-add), shortcodes and toll-free numbers, with the state changes a caller would check.
/// </summary>
[TestFixture]
public sealed class PowerpackFamilyTests
{
    private PlivoSandbox _sandbox = null!;
    private PlivoApi _api = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start();
        _api = _sandbox.CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) });
    }

    [TearDown]
    public void Stop()
    {
        _api.Dispose();
        _sandbox.Dispose();
    }

    // ---- Powerpacks ---------------------------------------------------------------------------------------------------

    [Test]
    public async Task A_name_that_looks_like_a_date_is_kept_as_written()
    {
        const string name = "2024-01-01T00:00:00Z";

        var created = await _api.Powerpacks.CreateAsync(name);
        var got = await _api.Powerpacks.GetAsync(created.Uuid!);

        using var control = new System.Net.Http.HttpClient { BaseAddress = _sandbox.ControlUrl };
        var state = await control.GetStringAsync("state");

        Assert.That(got.Name, Is.EqualTo(name));
        Assert.That(state, Does.Contain($"\"name\":\"{name}\""), "the state the control API exports");
    }

    [Test]
    public async Task Create_then_get_list_update_and_delete_a_Powerpack()
    {
        var created = await _api.Powerpacks.CreateAsync("marketing", stickySender: false, localConnect: true, applicationType: ApplicationType.Xml, applicationId: "20342783288007824",
            numberPriority: new[] { new NumberPriority { CountryIso = "US", ServiceType = "SMS", Priority = new NumberPriorityOrder { Priority1 = "shortcode", Priority2 = "longcode", Priority3 = "tollfree" } } });
        var got = await _api.Powerpacks.GetAsync(created.Uuid!);
        var updated = await got.UpdateAsync(name: "marketing-us", stickySender: true);
        var page = await _api.Powerpacks.ListAsync();
        var all = await Collect(_api.Powerpacks.ListAllAsync(pageSize: 1));
        var deleted = await updated.DeleteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(created.Name, Is.EqualTo("marketing"));
            Assert.That(created.Resource.StickySender, Is.False);
            Assert.That(created.Resource.ApplicationType, Is.EqualTo("XML"));
            Assert.That(created.Resource.ApplicationId, Is.EqualTo("20342783288007824"));
            Assert.That(created.Resource.NumberPriority!.Single().Priority!.Priority2, Is.EqualTo("longcode"));
            Assert.That(got.NumberPoolUuid, Is.EqualTo(created.NumberPoolUuid).And.Not.Null);
            Assert.That(updated.Name, Is.EqualTo("marketing-us"));
            Assert.That(updated.Resource.StickySender, Is.True);
            Assert.That(updated.Resource.LocalConnect, Is.True, "an update keeps what it does not change");
            Assert.That(page.Meta!.TotalCount, Is.EqualTo(1));
            Assert.That(all.Select(p => p.Name), Is.EqualTo(new[] { "marketing-us" }));
            Assert.That(deleted.Response, Is.EqualTo("success"));
            Assert.That(_sandbox.Powerpacks, Is.Empty);
        });
    }

    [Test]
    public async Task A_Powerpack_name_is_unique()
    {
        await _api.Powerpacks.CreateAsync("marketing");
        var other = await _api.Powerpacks.CreateAsync("sales");

        var created = Assert.CatchAsync<PlivoRestException>(() => _api.Powerpacks.CreateAsync("marketing"));
        var renamed = Assert.CatchAsync<PlivoRestException>(() => other.UpdateAsync(name: "marketing"));

        Assert.That(created!.StatusCode, Is.EqualTo(400));
        Assert.That(renamed!.StatusCode, Is.EqualTo(400));
        Assert.That(_sandbox.Powerpacks.Select(p => p.Name), Is.EqualTo(new[] { "marketing", "sales" }));
    }

    [Test]
    public async Task Deleting_a_Powerpack_with_unrent_numbers_releases_its_pools_numbers_from_the_account([Values] bool unrentNumbers)
    {
        var seeded = _sandbox.AddPowerpack("p", tollfreeNumbers: new[] { "18005550100" }, numbers: new[] { "14155550100" });
        var powerpack = await _api.Powerpacks.GetAsync(seeded.Uuid);

        await powerpack.DeleteAsync(unrentNumbers);

        Assert.That(_sandbox.AccountNumbers, unrentNumbers ? Is.Empty : Is.EquivalentTo(new[] { "18005550100", "14155550100" }));
        Assert.That(_sandbox.InventoryNumbers, unrentNumbers ? Is.EquivalentTo(new[] { "18005550100", "14155550100" }) : Is.Empty);
        Assert.That(JObject.Parse(_sandbox.Requests[^1].Body!)["unrent_numbers"]!.Value<bool>(), Is.EqualTo(unrentNumbers));
    }

    [Test]
    public async Task A_deleted_Powerpack_is_gone()
    {
        var powerpack = await _api.Powerpacks.CreateAsync("gone");
        await powerpack.DeleteAsync();

        var e = Assert.CatchAsync<PlivoRestException>(() => _api.Powerpacks.GetAsync(powerpack.Uuid!));

        Assert.That(e!.StatusCode, Is.EqualTo(404));
    }

    // ---- numbers, both styles ------------------------------------------------------------------------------------------

    [Test]
    public async Task Numbers_in_both_styles_send_identical_requests_and_change_the_pool()
    {
        var seeded = _sandbox.AddPowerpack("numbers");
        var powerpack = await _api.Powerpacks.GetAsync(seeded.Uuid);
        var numbers = powerpack.NumberPool.Numbers;

        var v1 = new List<string>();
        await powerpack.AddNumberAsync("14155550100", NumberService.Mms);
        await powerpack.FindNumberAsync("14155550100");
        await powerpack.ListNumbersAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" }, Type = NumberType.Fixed, Service = NumberService.Mms }, limit: 5, offset: 0);
        await powerpack.RemoveNumberAsync("14155550100", unrent: true);
        v1.AddRange(_sandbox.Requests.Skip(1).Select(Describe));
        _sandbox.ClearRequests();

        await numbers.AddAsync("14155550100", NumberService.Mms);
        await numbers.FindAsync("14155550100");
        await numbers.ListAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" }, Type = NumberType.Fixed, Service = NumberService.Mms }, limit: 5, offset: 0);
        await numbers.RemoveAsync("14155550100", unrent: true);
        var v2 = _sandbox.Requests.Select(Describe).ToList();

        Assert.That(v2, Is.EqualTo(v1));
        Assert.That(v1, Has.Count.EqualTo(4));
        Assert.That(v1[2], Does.Contain("starts_with=1415").And.Contain("country_iso2=US").And.Contain("type=fixed").And.Contain("service=mms"));
        Assert.That(v1[3], Does.EndWith("{\"unrent\":true}"));
        Assert.That(_sandbox.NumbersIn(seeded.NumberPoolUuid), Is.Empty);
    }

    [Test]
    public async Task The_numbers_list_filters_pages_and_counts()
    {
        var seeded = _sandbox.AddPowerpack("filters", tollfreeNumbers: new[] { "18005550100" }, numbers: new[] { "14155550100", "14155550101", "14165550100", "442071838750" });
        var numbers = _api.NumberPool(seeded.NumberPoolUuid).Numbers;

        var us1415 = await numbers.ListAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415", "1416" } });
        var tollfree = await numbers.ListAsync(new NumberFilter { Type = NumberType.Tollfree });
        var all = await Collect(numbers.ListAllAsync(pageSize: 2));
        var count = await numbers.CountAsync();
        var fixedCount = await _api.NumberPool(seeded.NumberPoolUuid).Numbers.CountAsync(new NumberFilter { Type = NumberType.Fixed });

        Assert.Multiple(() =>
        {
            Assert.That(us1415.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "14155550100", "14155550101", "14165550100" }));
            Assert.That(tollfree.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "18005550100" }));
            Assert.That(all.Select(n => n.Number), Is.EqualTo(new[] { "18005550100", "14155550100", "14155550101", "14165550100", "442071838750" }));
            Assert.That(count, Is.EqualTo(5));
            Assert.That(fixedCount, Is.EqualTo(4));
            Assert.That(_sandbox.Requests.Where(r => r.OperationId == "Number_List").Select(r => r.Query), Has.Some.Contains("limit=1"), "a count is a list of one");
        });
    }

    [Test]
    public async Task Buy_and_add_rents_a_given_number_or_the_first_a_search_finds()
    {
        var seeded = _sandbox.AddPowerpack("buy");
        _sandbox.AddInventoryNumber("14155550100", NumberType.Fixed, "US", "California");
        _sandbox.AddInventoryNumber("14155550199", NumberType.Fixed, "US", "California");
        _sandbox.AddInventoryNumber("12125550100", NumberType.Fixed, "US", "New York");
        var powerpack = await _api.Powerpacks.GetAsync(seeded.Uuid);

        var given = await powerpack.BuyAddNumberAsync("12125550100");
        var searched = await powerpack.NumberPool.Numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US") { Pattern = "415", Region = "California" });
        var none = Assert.CatchAsync<PlivoRestException>(() => powerpack.BuyAddNumberAsync(search: new PhoneNumberSearch("CA")));

        Assert.Multiple(() =>
        {
            Assert.That(given.Number, Is.EqualTo("12125550100"));
            Assert.That(searched.Number, Is.EqualTo("14155550100"));
            Assert.That(_sandbox.AccountNumbers, Is.EquivalentTo(new[] { "12125550100", "14155550100" }));
            Assert.That(_sandbox.InventoryNumbers, Is.EqualTo(new[] { "14155550199" }));
            Assert.That(_sandbox.NumbersIn(seeded.NumberPoolUuid), Is.EqualTo(new[] { "12125550100", "14155550100" }));
            Assert.That(none!.Message, Does.Contain("found no number"));
            Assert.That(_sandbox.Requests.Where(r => r.OperationId == "Number_Add").Select(r => JObject.Parse(r.Body!)["rent"]!.Value<bool>()), Is.All.True);
            Assert.That(_sandbox.Requests.First(r => r.OperationId == "PhoneNumber_Search").Query, Does.Contain("country_iso=US").And.Contain("pattern=415"));
        });
    }

    [Test]
    public async Task Buying_a_number_the_inventory_does_not_offer_is_refused_and_changes_nothing()
    {
        var seeded = _sandbox.AddPowerpack("buy");

        var e = Assert.CatchAsync<PlivoRestException>(() => _api.NumberPool(seeded.NumberPoolUuid).Numbers.BuyAndAddAsync("14155550100"));

        Assert.That(e!.StatusCode, Is.EqualTo(400));
        Assert.That(_sandbox.AccountNumbers, Is.Empty);
        Assert.That(_sandbox.NumbersIn(seeded.NumberPoolUuid), Is.Empty);
    }

    [Test]
    public async Task Removing_with_unrent_stops_renting_the_number_and_without_keeps_it()
    {
        var seeded = _sandbox.AddPowerpack("unrent", numbers: new[] { "14155550100", "14155550101" });
        var numbers = _api.NumberPool(seeded.NumberPoolUuid).Numbers;

        await numbers.RemoveAsync("14155550100", unrent: true);
        await numbers.RemoveAsync("14155550101");

        Assert.That(_sandbox.AccountNumbers, Is.EqualTo(new[] { "14155550101" }));
        Assert.That(_sandbox.InventoryNumbers, Is.EqualTo(new[] { "14155550100" }));
    }

    // ---- shortcodes, both styles ---------------------------------------------------------------------------------------

    [Test]
    public async Task Shortcodes_in_both_styles_list_find_and_remove()
    {
        var seeded = _sandbox.AddPowerpack("codes", shortcodes: new[] { "444444", "555555", "666666" });
        var powerpack = await _api.Powerpacks.GetAsync(seeded.Uuid);

        var page = await powerpack.ListShortcodesAsync(limit: 2);
        var all = await Collect(powerpack.NumberPool.Shortcodes.ListAllAsync(pageSize: 2));
        var found = await powerpack.FindShortcodeAsync("555555");
        var found2 = await powerpack.NumberPool.Shortcodes.FindAsync("555555");
        await powerpack.RemoveShortcodeAsync("444444");
        var missing = Assert.CatchAsync<PlivoRestException>(() => powerpack.NumberPool.Shortcodes.RemoveAsync("444444"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Objects!.Select(c => c.Shortcode), Is.EqualTo(new[] { "444444", "555555" }));
            Assert.That(page.Meta!.TotalCount, Is.EqualTo(3));
            Assert.That(all.Select(c => c.Shortcode), Is.EqualTo(new[] { "444444", "555555", "666666" }));
            Assert.That(found.Shortcode, Is.EqualTo("555555"));
            Assert.That(found.NumberPoolUuid, Is.EqualTo(seeded.NumberPoolUuid));
            Assert.That(found2.CountryIso2, Is.EqualTo(found.CountryIso2));
            Assert.That(missing!.StatusCode, Is.EqualTo(404));
            Assert.That(_sandbox.ShortcodesIn(seeded.NumberPoolUuid), Is.EqualTo(new[] { "555555", "666666" }));
        });
    }

    // ---- toll-free, next to the numbers ---------------------------------------------------------------------------------

    [Test]
    public async Task Toll_free_numbers_and_numbers_share_a_pool_but_list_apart()
    {
        var seeded = _sandbox.AddPowerpack("both", tollfreeNumbers: new[] { "18005550100" }, numbers: new[] { "14155550100" });
        var pool = _api.NumberPool(seeded.NumberPoolUuid);

        var tollfree = await pool.Tollfree.ListAsync();
        var numbers = await pool.Numbers.ListAsync();
        var notTollfree = Assert.CatchAsync<PlivoRestException>(() => pool.Tollfree.FindAsync("14155550100"));
        await pool.Tollfree.RemoveAsync("18005550100", unrent: true);

        Assert.That(tollfree.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "18005550100" }));
        Assert.That(numbers.Objects!.Select(n => (n.Number, n.Type)), Is.EqualTo(new[] { ("18005550100", "tollfree"), ("14155550100", "fixed") }));
        Assert.That(notTollfree!.StatusCode, Is.EqualTo(404));
        Assert.That(_sandbox.AccountNumbers, Is.EqualTo(new[] { "14155550100" }), "the toll-free number was unrented");
    }

    [Test]
    public async Task Version_1_list_all_calls_walk_every_page_like_Version_2()
    {
        var seeded = _sandbox.AddPowerpack("pages", tollfreeNumbers: new[] { "18005550100", "18005550101", "18005550102" },
            numbers: new[] { "14155550100", "14155550101" }, shortcodes: new[] { "444444", "555555", "666666" });
        var powerpack = await _api.Powerpacks.GetAsync(seeded.Uuid);
        var pool = powerpack.NumberPool;

        var v1 = (numbers: await Collect(powerpack.ListAllNumbersAsync(pageSize: 2)), tollfree: await Collect(powerpack.ListAllTollfreeAsync(pageSize: 2)),
            shortcodes: await Collect(powerpack.ListAllShortcodesAsync(pageSize: 2)));
        var v2 = (numbers: await Collect(pool.Numbers.ListAllAsync(pageSize: 2)), tollfree: await Collect(pool.Tollfree.ListAllAsync(pageSize: 2)),
            shortcodes: await Collect(pool.Shortcodes.ListAllAsync(pageSize: 2)));

        Assert.Multiple(() =>
        {
            Assert.That(v1.numbers.Select(n => n.Number), Is.EqualTo(new[] { "18005550100", "18005550101", "18005550102", "14155550100", "14155550101" }));
            Assert.That(v1.tollfree.Select(n => n.Number), Is.EqualTo(new[] { "18005550100", "18005550101", "18005550102" }));
            Assert.That(v1.shortcodes.Select(c => c.Shortcode), Is.EqualTo(new[] { "444444", "555555", "666666" }));
            Assert.That(v2.numbers.Select(n => n.Number), Is.EqualTo(v1.numbers.Select(n => n.Number)));
            Assert.That(v2.tollfree.Select(n => n.Number), Is.EqualTo(v1.tollfree.Select(n => n.Number)));
            Assert.That(v2.shortcodes.Select(c => c.Shortcode), Is.EqualTo(v1.shortcodes.Select(c => c.Shortcode)));
        });
    }

    private static string Describe(SandboxRequest r) => $"{r.Method} {r.Path}{r.Query} {r.Body}";

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
