using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// Seed documents (plivo-sandbox-seed.schema.json): a good one is what the API then shows; a malformed one is refused
/// with the JSON path of the problem and changes nothing; the exported state seeds an empty sandbox to the same state;
/// the schema shipped beside the tool is the one the sandbox reads, and the example seed passes it.
/// </summary>
[TestFixture]
public sealed class SandboxSeedTests
{
    private const string PowerpackUuid = "d35f2e82-d387-427f-8594-6fa07613c43a";
    private const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";

    private const string FullSeed = """
        {
          "powerpacks": [
            {
              "name": "marketing", "uuid": "d35f2e82-d387-427f-8594-6fa07613c43a", "number_pool_uuid": "659c7f88-c819-46e2-8af4-2d8a84249099",
              "sticky_sender": false, "local_connect": true, "application_type": "xml", "application_id": "20342783288007824",
              "number_priority": [{ "country_iso": "US", "service_type": "SMS", "priority": { "priority1": "shortcode", "priority2": "longcode", "priority3": "tollfree" } }],
              "numbers": ["14155550100", { "number": "447700900100", "type": "mobile", "service": "mms", "country_iso2": "GB" }],
              "tollfree": ["18772209942", { "number": "18005550100", "service": "mms" }],
              "shortcodes": ["444444", { "shortcode": "55555", "country_iso2": "CA" }]
            },
            { "name": "spare" }
          ],
          "account_numbers": ["14155550150", { "number": "18885550150", "type": "tollfree", "country_iso2": "US" }],
          "inventory": [{ "number": "14155550123", "type": "fixed", "country_iso2": "US", "region": "California" }]
        }
        """;

    [Test]
    public async Task A_seed_is_what_the_API_then_shows()
    {
        using var sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { Seed = FullSeed });
        using var api = sandbox.CreateApi();

        var powerpack = await api.Powerpacks.GetAsync(PowerpackUuid);
        var numbers = await powerpack.ListNumbersAsync();
        var mobile = await powerpack.FindNumberAsync("447700900100");
        var tollfree = await powerpack.NumberPool.Tollfree.ListAsync();
        var shortcode = await powerpack.FindShortcodeAsync("55555");
        var offered = await api.GetClient<IPhoneNumberClient>().SearchAsync("US");

        Assert.Multiple(() =>
        {
            Assert.That(powerpack.Name, Is.EqualTo("marketing"));
            Assert.That(powerpack.NumberPoolUuid, Is.EqualTo(PoolUuid));
            Assert.That(powerpack.Resource.StickySender, Is.False);
            Assert.That(powerpack.Resource.ApplicationType, Is.EqualTo("XML"));
            Assert.That(powerpack.Resource.ApplicationId, Is.EqualTo("20342783288007824"));
            Assert.That(powerpack.Resource.NumberPriority!.Single().Priority!.Priority1, Is.EqualTo("shortcode"));
            Assert.That(numbers.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "14155550100", "447700900100", "18772209942", "18005550100" }));
            Assert.That((mobile.Type, mobile.Service, mobile.CountryIso2), Is.EqualTo(("mobile", "mms", "GB")));
            Assert.That(tollfree.Objects!.Select(n => (n.Number, n.Service)), Is.EqualTo(new[] { ("18772209942", "sms"), ("18005550100", "mms") }));
            Assert.That((shortcode.Shortcode, shortcode.CountryIso2), Is.EqualTo(("55555", "CA")));
            Assert.That(sandbox.Powerpacks.Select(p => p.Name), Is.EqualTo(new[] { "marketing", "spare" }));
            Assert.That(sandbox.AccountNumbers, Is.SupersetOf(new[] { "14155550150", "18885550150", "14155550100", "18772209942" }));
            Assert.That(offered.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "14155550123" }));
        });
    }

    [Test]
    public void The_exported_state_seeds_an_empty_sandbox_to_the_same_state()
    {
        using var first = PlivoSandbox.Start(new PlivoSandboxOptions { Seed = FullSeed });
        first.AddPowerpack("added-later", numbers: new[] { "14155550177" });
        var exported = first.ExportState();

        using var second = PlivoSandbox.Start();
        second.Seed(exported);

        Assert.That(JToken.DeepEquals(JToken.Parse(second.ExportState()), JToken.Parse(exported)), Is.True, second.ExportState());
        Assert.That(SeedSchema().Validate(exported), Is.Empty, "the export passes the seed schema");
    }

    [TestCase("{", "$", "not JSON")]
    [TestCase("""{"powerpacks": [{"name": "a", "numbers": ["14155550100", "0123"]}]}""", "$.powerpacks[0].numbers[1]", "does not match")]
    [TestCase("""{"powerpacks": [{"name": "a", "numbers": [{"number": "14155550100", "type": "landline"}]}]}""", "$.powerpacks[0].numbers[0].type", "must be one of 'fixed', 'mobile', 'tollfree'")]
    [TestCase("""{"powerpacks": [{"numbers": []}]}""", "$.powerpacks[0].name", "the required field 'name' is missing")]
    [TestCase("""{"powerpacks": [{"name": "a", "colour": "red"}]}""", "$.powerpacks[0].colour", "'colour' is not a field")]
    [TestCase("""{"powerpack": []}""", "$.powerpack", "'powerpack' is not a field")]
    [TestCase("""{"powerpacks": [{"name": "a", "sticky_sender": "yes"}]}""", "$.powerpacks[0].sticky_sender", "must be true or false")]
    [TestCase("""{"powerpacks": [{"name": "a", "uuid": "not-a-uuid"}]}""", "$.powerpacks[0].uuid", "does not match")]
    [TestCase("""{"powerpacks": [{"name": "a"}, {"name": "a"}]}""", "$.powerpacks[1].name", "a Powerpack named 'a' is given already")]
    [TestCase("""{"powerpacks": [{"name": "a", "numbers": ["14155550100"]}, {"name": "b", "tollfree": ["14155550100"]}]}""", "$.powerpacks[1].tollfree[0]", "14155550100 is in a pool already")]
    [TestCase("""{"account_numbers": ["14155550100"], "inventory": [{"number": "14155550100"}]}""", "$.inventory[0]", "rented by the account")]
    [TestCase("""{"powerpacks": [{"name": "a", "shortcodes": ["444444", {"shortcode": "444444"}]}]}""", "$.powerpacks[0].shortcodes[1]", "shortcode 444444 is in this pool already")]
    [TestCase("""{} {}""", "$", "not JSON: Additional text")]
    public void A_malformed_seed_is_refused_at_start_naming_its_JSON_path(string seed, string path, string problem)
    {
        var e = Assert.Throws<SandboxSeedException>(() => PlivoSandbox.Start(new PlivoSandboxOptions { Seed = seed }).Dispose());

        Assert.That(e!.JsonPath, Is.EqualTo(path), e.Message);
        Assert.That(e.Problem, Does.Contain(problem), e.Message);
        Assert.That(e.Message, Does.StartWith(path + ": "));
    }

    [Test]
    public void A_seed_that_conflicts_with_the_state_changes_nothing()
    {
        using var sandbox = PlivoSandbox.Start();
        sandbox.AddPowerpack("taken", numbers: new[] { "14155550100" });
        var before = sandbox.ExportState();

        var name = Assert.Throws<SandboxSeedException>(() => sandbox.Seed("""{"powerpacks": [{"name": "fresh", "numbers": ["14155550101"]}, {"name": "taken"}]}"""));
        var pooled = Assert.Throws<SandboxSeedException>(() => sandbox.Seed("""{"powerpacks": [{"name": "other", "numbers": ["14155550100"]}]}"""));
        var offered = Assert.Throws<SandboxSeedException>(() => sandbox.Seed("""{"inventory": [{"number": "14155550100"}]}"""));

        Assert.Multiple(() =>
        {
            Assert.That(name!.JsonPath, Is.EqualTo("$.powerpacks[1].name"));
            Assert.That(pooled!.JsonPath, Is.EqualTo("$.powerpacks[0].numbers[0]"));
            Assert.That(offered!.JsonPath, Is.EqualTo("$.inventory[0]"));
            Assert.That(sandbox.ExportState(), Is.EqualTo(before), "all or nothing: 'fresh' was not added");
        });
    }

    [Test]
    public void Reset_goes_back_to_the_start_seed_and_forgets_requests_and_faults()
    {
        using var sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { Seed = FullSeed });
        var start = sandbox.ExportState();
        sandbox.AddPowerpack("later");
        sandbox.InjectFault(new SandboxFault { Operation = "Powerpack_Get", Status = 503 });
        using (var api = sandbox.CreateApi(new PlivoClientOptions { MaxRetries = 0 }))
        {
            Assert.CatchAsync<PlivoRestException>(() => api.Powerpacks.GetAsync(PowerpackUuid));
        }

        sandbox.Reset();

        Assert.Multiple(() =>
        {
            Assert.That(sandbox.ExportState(), Is.EqualTo(start));
            Assert.That(sandbox.Requests, Is.Empty);
            Assert.That(sandbox.Faults, Is.Empty);
        });
    }

    [Test]
    public void The_schema_beside_the_tool_is_the_one_the_sandbox_reads_and_the_example_seed_passes_it()
    {
        var shipped = Path.Combine(TestContext.CurrentContext.TestDirectory, "plivo-sandbox-seed.schema.json");
        var example = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "example-seed.json"));

        Assert.That(File.ReadAllText(shipped), Is.EqualTo(PlivoSandbox.SeedSchema));
        Assert.That(SeedSchema().Validate(example), Is.Empty);
        using var sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { Seed = example });
        Assert.That(sandbox.Powerpacks, Has.Count.EqualTo(1));
    }

    private static JsonSchema SeedSchema() => JsonSchema.FromJsonAsync(PlivoSandbox.SeedSchema).GetAwaiter().GetResult();
}
