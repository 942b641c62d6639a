using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Testing;
using static Plivo.Generated.Tests.Support.SandboxHttp;

namespace Plivo.Generated.Tests;

/// <summary>
/// Strict mode: a request the spec forbids is answered 400 naming the rule, an answer the spec forbids 500 naming it
/// (so a sandbox bug cannot pass silently), and everything our own client sends passes.
/// </summary>
[TestFixture]
public sealed class SandboxStrictTests
{
    private PlivoSandbox _sandbox = null!;
    private SandboxPowerpack _seeded = null!;
    private HttpClient _raw = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { Strict = true });
        _seeded = _sandbox.AddPowerpack("strict", tollfreeNumbers: new[] { "18005550100" }, numbers: new[] { "14155550100" }, shortcodes: new[] { "444444" });
        _sandbox.AddInventoryNumber("14155550123");
        _raw = RawClient(_sandbox);
    }

    [TearDown]
    public void Stop()
    {
        _raw.Dispose();
        _sandbox.Dispose();
    }

    private string Account => $"Account/{_sandbox.AuthId}/";

    private string Pool => $"{Account}NumberPool/{_seeded.NumberPoolUuid}/";

    public static IEnumerable<TestCaseData> Forbidden()
    {
        yield return new TestCaseData("GET", "{account}Powerpack/?limit=25", null, "Powerpack_List: query parameter 'limit' ('25') breaks the spec's schema: $: maximum 20").SetArgDisplayNames("limit above the maximum");
        yield return new TestCaseData("GET", "{account}Powerpack/?limit=ten", null, "query parameter 'limit' ('ten') must be an integer").SetArgDisplayNames("limit not an integer");
        yield return new TestCaseData("GET", "{account}Powerpack/?colour=red", null, "unknown query parameter 'colour' (Powerpack_List takes limit, offset)").SetArgDisplayNames("unknown query parameter");
        yield return new TestCaseData("GET", "{pool}Number/?type=landline", null, "Number_List: query parameter 'type' ('landline') breaks the spec's schema: $: enum [fixed, mobile, tollfree]").SetArgDisplayNames("enum");
        yield return new TestCaseData("POST", "{account}Powerpack/", """{"name": "x", "colour": "red"}""", "Powerpack_Create: the body breaks the spec's schema at $.colour: additionalProperties: false ('colour')").SetArgDisplayNames("unknown body field");
        yield return new TestCaseData("POST", "{pool}Number/14155550177/", """{"rent": "maybe"}""", "Number_Add: the body breaks the spec's schema at $.rent").SetArgDisplayNames("neither a boolean nor true/false");
        yield return new TestCaseData("POST", "{account}Powerpack/", "name=x", "the body is not JSON").SetArgDisplayNames("not JSON");
        yield return new TestCaseData("GET", "{account}Powerpack/", """{"limit": 5}""", "Powerpack_List: takes no body").SetArgDisplayNames("a body where none is taken");
    }

    [TestCaseSource(nameof(Forbidden))]
    public async Task A_request_the_spec_forbids_is_400_naming_the_rule(string method, string path, string? body, string rule)
    {
        var (status, answer) = await SendRawAsync(_raw, new HttpMethod(method), path.Replace("{account}", Account).Replace("{pool}", Pool), body);

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That((string?)JObject.Parse(answer)["error"], Does.StartWith("request breaks the spec (strict): ").And.Contain(rule));
    }

    [Test]
    public async Task A_body_of_another_content_type_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Account}Powerpack/") { Content = new StringContent("""{"name": "x"}""", System.Text.Encoding.UTF8, "text/plain") };
        using var response = await _raw.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(answer, Does.Contain("the body's Content-Type is 'text/plain; charset=utf-8', where the spec takes application/json"));
    }

    [Test]
    public async Task An_answer_the_spec_forbids_is_500_naming_the_rule_and_passes_without_strict()
    {
        var fault = new SandboxFault { Operation = "Tollfree_Find", Status = 200, Body = JObject.Parse("""{"number": 18005550100}""") };
        _sandbox.InjectFault(fault);
        using var lenient = PlivoSandbox.Start();
        var pool = lenient.AddPowerpack("lenient", tollfreeNumbers: new[] { "18005550100" });
        lenient.InjectFault(fault);
        using var lenientRaw = RawClient(lenient);

        var (status, answer) = await SendRawAsync(_raw, HttpMethod.Get, $"{Pool}Tollfree/18005550100/");
        var (passed, _) = await SendRawAsync(lenientRaw, HttpMethod.Get, $"Account/{lenient.AuthId}/NumberPool/{pool.NumberPoolUuid}/Tollfree/18005550100/");

        Assert.That(status, Is.EqualTo(500), answer);
        Assert.That((string?)JObject.Parse(answer)["error"], Is.EqualTo("sandbox answer breaks the spec (strict): Tollfree_Find: answer 200 breaks the spec's schema at $.number: StringExpected"));
        Assert.That(passed, Is.EqualTo(200));
    }

    [Test]
    public async Task Everything_our_client_sends_passes_strict_mode()
    {
        using var api = _sandbox.CreateApi();

        var powerpack = await api.Powerpacks.CreateAsync("created", stickySender: true, localConnect: false, applicationType: ApplicationType.Xml, applicationId: "none");
        await api.Powerpacks.ListAsync(limit: 5, offset: 0);
        powerpack = await powerpack.UpdateAsync(name: "renamed");
        var existing = await api.Powerpacks.GetAsync(_seeded.Uuid);
        await existing.ListNumbersAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" }, Type = NumberType.Fixed, Service = NumberService.Sms }, limit: 5, offset: 0);
        await existing.CountNumbersAsync();
        await existing.FindNumberAsync("14155550100", NumberService.Sms);
        await existing.AddNumberAsync("14155550199", NumberService.Mms);
        await existing.BuyAddNumberAsync(search: new PhoneNumberSearch("US") { Type = NumberType.Fixed, Pattern = "1415" });
        await existing.RemoveNumberAsync("14155550199", unrent: true);
        await existing.ListShortcodesAsync(limit: 5);
        await existing.FindShortcodeAsync("444444");
        await existing.RemoveShortcodeAsync("444444");
        await existing.AddTollfreeAsync("18772209942", NumberService.Mms);
        await existing.ListTollfreeAsync(limit: 5, offset: 0);
        await existing.FindTollfreeAsync("18772209942");
        await existing.RemoveTollfreeAsync("18772209942", unrent: false);
        await powerpack.DeleteAsync(unrentNumbers: true);

        Assert.That(_sandbox.Requests.Where(r => r.StatusCode != 200).Select(r => $"{r.StatusCode} {r}"), Is.Empty);
        Assert.That(_sandbox.Requests.Select(r => r.OperationId).Distinct().Count(), Is.EqualTo(17), "every operation of the family was called");
    }
}
