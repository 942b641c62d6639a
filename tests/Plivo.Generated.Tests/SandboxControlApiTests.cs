using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// The control API under /__sandbox/, over HTTP as a script in any language would call it: every endpoint, its errors,
/// the control token, and that no Plivo path reaches it and its calls stay out of the request log.
/// </summary>
[TestFixture]
public sealed class SandboxControlApiTests
{
    private const string Seed = """{"powerpacks": [{"name": "seeded", "uuid": "d35f2e82-d387-427f-8594-6fa07613c43a", "tollfree": ["18772209942"]}]}""";

    private PlivoSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { Seed = Seed });
        _http = new HttpClient { BaseAddress = _sandbox.ControlUrl };
    }

    [TearDown]
    public void Stop()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task State_is_the_whole_state_as_a_seed_document()
    {
        var (status, state) = await Send(HttpMethod.Get, "state");

        Assert.That(status, Is.EqualTo(200));
        Assert.That(JToken.DeepEquals(state, JToken.Parse(_sandbox.ExportState())), Is.True);
        Assert.That((string?)state["powerpacks"]![0]!["tollfree"]![0]!["number"], Is.EqualTo("18772209942"));
    }

    [Test]
    public async Task Seed_adds_a_document_and_a_bad_one_is_400_with_its_JSON_path()
    {
        var (added, state) = await Send(HttpMethod.Post, "seed", """{"powerpacks": [{"name": "second", "numbers": ["14155550100"]}]}""");
        var (refused, problem) = await Send(HttpMethod.Post, "seed", """{"powerpacks": [{"name": "third", "numbers": ["12"]}], "inventory": [{"number": "x"}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.EqualTo(200));
            Assert.That(state["powerpacks"]!.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "seeded", "second" }));
            Assert.That(refused, Is.EqualTo(400));
            Assert.That((string?)problem["path"], Is.EqualTo("$.inventory[0].number"));
            Assert.That((string?)problem["error"], Does.StartWith("$.inventory[0].number: does not match"));
            Assert.That(_sandbox.Powerpacks.Select(p => p.Name), Is.EqualTo(new[] { "seeded", "second" }), "nothing of the refused document was added");
        });
    }

    [Test]
    public async Task Reset_goes_back_to_the_start_seed()
    {
        _sandbox.AddPowerpack("later");
        using (var api = _sandbox.CreateApi())
        {
            await api.Powerpacks.ListAsync();
        }

        var (status, state) = await Send(HttpMethod.Post, "reset");

        Assert.That(status, Is.EqualTo(200));
        Assert.That(state["powerpacks"]!.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "seeded" }));
        Assert.That(_sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Requests_lists_what_Plivo_calls_arrived_with_time_status_and_operation_and_DELETE_clears_it()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var api = _sandbox.CreateApi())
        {
            await api.Powerpacks.GetAsync("d35f2e82-d387-427f-8594-6fa07613c43a");
            await api.NumberPool(_sandbox.Powerpacks[0].NumberPoolUuid).Tollfree.RemoveAsync("18772209942", unrent: true);
        }

        var (status, log) = await Send(HttpMethod.Get, "requests");
        var (cleared, _) = await Send(HttpMethod.Delete, "requests");
        var entries = log["requests"]!.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(entries.Select(e => (string?)e["operation_id"]), Is.EqualTo(new[] { "Powerpack_Get", "Tollfree_Remove" }), "control calls are not in the log");
            Assert.That(entries.Select(e => (int)e["status"]!), Is.EqualTo(new[] { 200, 200 }));
            Assert.That((string?)entries[1]["method"], Is.EqualTo("DELETE"));
            Assert.That((string?)entries[1]["path"], Does.EndWith("/Tollfree/18772209942/"));
            Assert.That((string?)entries[1]["body"], Is.EqualTo("""{"unrent":true}"""));
            Assert.That(DateTimeOffset.Parse((string)entries[0]["time"]!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(before));
            Assert.That(cleared, Is.EqualTo(200));
            Assert.That(_sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Faults_are_added_listed_and_removed()
    {
        var (created, fault) = await Send(HttpMethod.Post, "faults", """{"operation": "Tollfree_Add", "status": 503, "times": 2}""");
        var (listed, list) = await Send(HttpMethod.Get, "faults");
        var (removed, _) = await Send(HttpMethod.Delete, "faults");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(201));
            Assert.That((string?)fault["operation"], Is.EqualTo("Tollfree_Add"));
            Assert.That(listed, Is.EqualTo(200));
            Assert.That(list["faults"]!.Select(f => ((string?)f["operation"], (int?)f["times"])), Is.EqualTo(new[] { ("Tollfree_Add", (int?)2) }));
            Assert.That(removed, Is.EqualTo(200));
            Assert.That(_sandbox.Faults, Is.Empty);
        });
    }

    [TestCase("""{"operation": "Tollfree_Fly", "status": 503}""", "operation 'Tollfree_Fly' is not an operation of the spec")]
    [TestCase("""{"operation": "Tollfree_Add"}""", "needs a status, a delay_ms or close")]
    [TestCase("""{"operation": "Tollfree_Add", "status": 700}""", "status must be between 100 and 599")]
    [TestCase("""{"operation": "Tollfree_Add", "status": 503, "probability": 0}""", "probability must be above 0")]
    [TestCase("""{"operation": "Tollfree_Add", "status": 503, "times": 0}""", "times must be at least 1")]
    [TestCase("""{"status": 503}""", "needs an operation")]
    [TestCase("""{"operation": "Tollfree_Add", "status": 503, "colour": "red"}""", "colour")]
    [TestCase("""[1]""", "not a fault's JSON")]
    public async Task A_bad_fault_is_400_naming_what_is_wrong(string fault, string problem)
    {
        var (status, answer) = await Send(HttpMethod.Post, "faults", fault);

        Assert.That(status, Is.EqualTo(400));
        Assert.That((string?)answer["error"], Does.Contain(problem));
        Assert.That(_sandbox.Faults, Is.Empty);
    }

    [TestCase("GET", "nothing", 404)]
    [TestCase("PUT", "state", 405)]
    [TestCase("GET", "reset", 405)]
    public async Task An_unknown_endpoint_is_404_and_a_wrong_method_405(string method, string path, int expected)
    {
        var (status, answer) = await Send(new HttpMethod(method), path);

        Assert.That(status, Is.EqualTo(expected));
        Assert.That((string?)answer["error"], Is.Not.Empty);
    }

    [Test]
    public async Task No_Plivo_path_reaches_the_control_API()
    {
        using var raw = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_sandbox.AuthId}:{_sandbox.AuthToken}")));

        using var viaAccount = await raw.PostAsync($"Account/{_sandbox.AuthId}/__sandbox/reset", null);
        using var viaV1 = await raw.PostAsync("__sandbox/reset", null);

        Assert.That((int)viaAccount.StatusCode, Is.EqualTo(404));
        Assert.That((int)viaV1.StatusCode, Is.EqualTo(404));
        Assert.That(_sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 404, 404 }), "both reached the Plivo side");
    }

    [Test]
    public async Task With_a_control_token_every_control_call_needs_it()
    {
        using var guarded = PlivoSandbox.Start(new PlivoSandboxOptions { ControlToken = "control-secret-1234" });
        using var http = new HttpClient { BaseAddress = guarded.ControlUrl };

        using var without = await http.GetAsync("state");
        using var wrong = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "reset") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } });
        using var with = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "state") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "control-secret-1234") } });
        var refusal = await without.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)without.StatusCode, Is.EqualTo(401));
            Assert.That((int)wrong.StatusCode, Is.EqualTo(401));
            Assert.That((int)with.StatusCode, Is.EqualTo(200));
            Assert.That(refusal, Does.Not.Contain("control-secret-1234"));
        });
    }

    [Test]
    public void Listening_beyond_loopback_needs_a_control_token()
    {
        var e = Assert.Throws<ArgumentException>(() => PlivoSandbox.Start(new PlivoSandboxOptions { Host = "0.0.0.0" }).Dispose());
        var bad = Assert.Throws<ArgumentException>(() => PlivoSandbox.Start(new PlivoSandboxOptions { Host = "sandbox.example" }).Dispose());

        Assert.That(e!.ParamName, Is.EqualTo("ControlToken"));
        Assert.That(bad!.Message, Does.Contain("'sandbox.example' is not an IP address"));
    }

    private async Task<(int Status, JToken Json)> Send(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JToken.Parse(text));
    }
}
