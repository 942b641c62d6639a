using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>What goes on the wire for each operation, and that every field of the answer is parsed.</summary>
public class RequestShapeTests : WireMockTestBase
{
    private void Answer(string method, string path, string json) =>
        Server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json));

    private WireMock.IRequestMessage OnlyRequest()
    {
        Assert.That(Received, Has.Length.EqualTo(1), "exactly one request");
        return Received[0].RequestMessage!;
    }

    private static void AssertCommonHeaders(WireMock.IRequestMessage request)
    {
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo(ExpectedAuthorization));
        Assert.That(request.Headers["Accept"].Single(), Is.EqualTo("application/json"));
        Assert.That(request.Headers["User-Agent"].Single(), Does.StartWith("PlivoGenerated/"));
    }

    [Test]
    public async Task Add_posts_rent_false_to_the_number_path_and_parses_all_eight_fields()
    {
        Answer("POST", NumberPath, AddExample);

        var added = await Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number);

        var request = OnlyRequest();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.AbsolutePath, Is.EqualTo(NumberPath));
        Assert.That(request.RawQuery, Is.Null.Or.Empty);
        AssertCommonHeaders(request);
        Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        Assert.That(JToken.Parse(request.Body!), Is.EqualTo(JToken.Parse("""{"rent":false}""")).Using<JToken>(JToken.DeepEquals));

        Assert.That(added.AccountPhoneNumberResource, Is.EqualTo($"/v1/Account/{AuthId}/Number/18772209942/"));
        Assert.That(added.AddedOn, Is.EqualTo(new System.DateTime(2019, 10, 9)));
        Assert.That(added.ApiId, Is.EqualTo("612982e8-7a36-11e8-aea7-0242ac110002"));
        Assert.That(added.CountryIso2, Is.EqualTo("US"));
        Assert.That(added.Number, Is.EqualTo("18772209942"));
        Assert.That(added.NumberPoolUuid, Is.EqualTo(PoolUuid));
        Assert.That(added.Service, Is.EqualTo("sms"));
        Assert.That(added.Type, Is.EqualTo("tollfree"));
    }

    [Test]
    public async Task Add_with_a_service_sends_it_in_the_body()
    {
        Answer("POST", NumberPath, AddExample);

        await Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number, NumberService.Mms);

        Assert.That(JToken.Parse(OnlyRequest().Body!), Is.EqualTo(JToken.Parse("""{"rent":false,"service":"mms"}""")).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public async Task Find_gets_the_number_path()
    {
        Answer("GET", NumberPath, AddExample);

        var found = await Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        var request = OnlyRequest();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.AbsolutePath, Is.EqualTo(NumberPath));
        Assert.That(request.Body, Is.Null.Or.Empty);
        AssertCommonHeaders(request);
        Assert.That(found.Number, Is.EqualTo(Number));
        Assert.That(found.NumberPoolUuid, Is.EqualTo(PoolUuid));
    }

    [Test]
    public async Task List_sends_limit_and_offset_and_parses_meta_and_objects()
    {
        Answer("GET", PoolPath, $$"""
            {"api_id":"614b2776-7a36-11e8-aea7-0242ac110002",
             "meta":{"limit":2,"next":"{{PoolPath}}?limit=2&offset=4","offset":2,"previous":"{{PoolPath}}?limit=2&offset=0","total_count":5},
             "objects":[{{AddExample}},{{AddExample.Replace("18772209942", "18005550100")}}]}
            """);

        var page = await Api.NumberPool(PoolUuid).Tollfree.ListAsync(limit: 2, offset: 2);

        var request = OnlyRequest();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.AbsolutePath, Is.EqualTo(PoolPath));
        Assert.That(request.RawQuery?.TrimStart('?'), Is.EqualTo("limit=2&offset=2"));
        AssertCommonHeaders(request);
        Assert.That(page.ApiId, Is.EqualTo("614b2776-7a36-11e8-aea7-0242ac110002"));
        Assert.That(page.Meta!.Limit, Is.EqualTo(2));
        Assert.That(page.Meta.Offset, Is.EqualTo(2));
        Assert.That(page.Meta.TotalCount, Is.EqualTo(5));
        Assert.That(page.Meta.Next, Is.EqualTo($"{PoolPath}?limit=2&offset=4"));
        Assert.That(page.Meta.Previous, Is.EqualTo($"{PoolPath}?limit=2&offset=0"));
        Assert.That(page.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "18772209942", "18005550100" }));
    }

    [Test]
    public async Task List_without_arguments_sends_no_query()
    {
        Answer("GET", PoolPath, """{"api_id":"a","meta":{"limit":20,"next":null,"offset":0,"previous":null,"total_count":0},"objects":[]}""");

        var page = await Api.NumberPool(PoolUuid).Tollfree.ListAsync();

        Assert.That(OnlyRequest().RawQuery, Is.Null.Or.Empty);
        Assert.That(page.Objects, Is.Empty);
        Assert.That(page.Meta!.Next, Is.Null);
    }

    [Test]
    public async Task Remove_deletes_the_number_path_and_sends_unrent_in_a_json_body_as_Plivos_SDKs_do()
    {
        Answer("DELETE", NumberPath, """{"api_id":"615c4fc2-7a36-11e8-aea7-0242ac110002","response":"success"}""");

        var removed = await Api.NumberPool(PoolUuid).Tollfree.RemoveAsync(Number);
        await Api.NumberPool(PoolUuid).Tollfree.RemoveAsync(Number, unrent: true);

        Assert.That(Received, Has.Length.EqualTo(2));
        var plain = Received[0].RequestMessage!;
        var unrent = Received[1].RequestMessage!;
        Assert.That(plain.Method, Is.EqualTo("DELETE"));
        Assert.That(plain.AbsolutePath, Is.EqualTo(NumberPath));
        Assert.That(plain.RawQuery, Is.Null.Or.Empty);
        Assert.That(unrent.RawQuery, Is.Null.Or.Empty, "unrent travels in the body, not the query");
        Assert.That(plain.Body, Is.EqualTo("{\"unrent\":false}"));
        Assert.That(unrent.Body, Is.EqualTo("{\"unrent\":true}"));
        Assert.That(unrent.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        AssertCommonHeaders(plain);
        Assert.That(removed.ApiId, Is.EqualTo("615c4fc2-7a36-11e8-aea7-0242ac110002"));
        Assert.That(removed.Response, Is.EqualTo("success"));
    }

    [Test]
    public async Task Get_powerpack_reads_its_fields_and_the_pool_uuid_from_the_number_pool_path()
    {
        Answer("GET", PowerpackPath, PowerpackJson(ValidPoolPath));

        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);

        var request = OnlyRequest();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.AbsolutePath, Is.EqualTo(PowerpackPath));
        AssertCommonHeaders(request);
        Assert.That(powerpack.Uuid, Is.EqualTo(PowerpackUuid));
        Assert.That(powerpack.Name, Is.EqualTo("marketing"));
        Assert.That(powerpack.NumberPoolPath, Is.EqualTo(ValidPoolPath));
        Assert.That(powerpack.NumberPoolUuid, Is.EqualTo(PoolUuid));
        Assert.That(powerpack.NumberPool.Uuid, Is.EqualTo(PoolUuid));
        Assert.That(powerpack.Resource.StickySender, Is.True);
        Assert.That(powerpack.Resource.LocalConnect, Is.False);
        Assert.That(powerpack.Resource.CreatedOn, Is.EqualTo("2019-10-09T11:10:59.741978Z"));
    }

    [Test]
    public async Task Version_1_and_Version_2_send_byte_identical_requests_for_every_operation()
    {
        Answer("GET", PowerpackPath, PowerpackJson(ValidPoolPath));
        Answer("POST", NumberPath, AddExample);
        Answer("GET", NumberPath, AddExample);
        Answer("GET", PoolPath, """{"api_id":"a","meta":{"limit":5,"next":null,"offset":1,"previous":null,"total_count":0},"objects":[]}""");
        Answer("DELETE", NumberPath, """{"api_id":"a","response":"success"}""");
        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);
        Server.ResetLogEntries();

        await powerpack.AddTollfreeAsync(Number, NumberService.Sms);
        await powerpack.NumberPool.Tollfree.AddAsync(Number, NumberService.Sms);
        await powerpack.FindTollfreeAsync(Number);
        await powerpack.NumberPool.Tollfree.FindAsync(Number);
        await powerpack.ListTollfreeAsync(5, 1);
        await powerpack.NumberPool.Tollfree.ListAsync(5, 1);
        await powerpack.RemoveTollfreeAsync(Number, unrent: true);
        await powerpack.NumberPool.Tollfree.RemoveAsync(Number, unrent: true);

        var sent = Received.Select(e => e.RequestMessage!).ToArray();
        Assert.That(sent, Has.Length.EqualTo(8));
        for (var i = 0; i < sent.Length; i += 2)
        {
            string Describe(WireMock.IRequestMessage r) =>
                $"{r.Method} {r.Url}\n{string.Join("\n", r.Headers!.OrderBy(h => h.Key).Select(h => h.Key + ": " + string.Join(",", h.Value)))}\n\n{r.Body}";
            Assert.That(Describe(sent[i + 1]), Is.EqualTo(Describe(sent[i])), $"request pair {i / 2}");
        }
    }

    [Test]
    public async Task Unknown_response_fields_are_tolerated_and_kept()
    {
        Answer("POST", NumberPath, AddExample.Replace("\"type\": \"tollfree\"", "\"type\": \"tollfree\", \"carrier\": {\"name\": \"x\"}, \"renewal_date\": \"2020-01-01\""));

        var added = await Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number);

        Assert.That(added.Number, Is.EqualTo(Number));
        Assert.That(added.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "carrier", "renewal_date" }));
    }

    [Test]
    public async Task List_all_pages_with_limit_and_offset_until_next_is_empty()
    {
        string Page(int offset, int count, bool last) =>
            $$"""{"api_id":"a","meta":{"limit":2,"next":{{(last ? "null" : $"\"{PoolPath}?limit=2&offset={offset + 2}\"")}},"offset":{{offset}},"previous":null,"total_count":5},"objects":[{{string.Join(",", Enumerable.Range(offset, count).Select(i => AddExample.Replace("18772209942", $"1877220990{i}")))}}]}""";
        Server.Given(Request.Create().UsingGet().WithPath(PoolPath).WithParam("offset", "0"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Page(0, 2, false)));
        Server.Given(Request.Create().UsingGet().WithPath(PoolPath).WithParam("offset", "2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Page(2, 2, false)));
        Server.Given(Request.Create().UsingGet().WithPath(PoolPath).WithParam("offset", "4"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Page(4, 1, true)));

        var numbers = new System.Collections.Generic.List<string>();
        await foreach (var n in Api.NumberPool(PoolUuid).Tollfree.ListAllAsync(pageSize: 2))
        {
            numbers.Add(n.Number!);
        }

        Assert.That(numbers, Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"1877220990{i}")));
        Assert.That(Received.Select(e => e.RequestMessage!.RawQuery!.TrimStart('?')),
            Is.EqualTo(new[] { "limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4" }));
    }

    [Test]
    public async Task List_all_fails_clearly_when_the_server_ignores_offset_and_keeps_sending_next()
    {
        // A misbehaving server: always the same full page, always a "next".
        Server.Given(Request.Create().UsingGet().WithPath(PoolPath)).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            $$"""{"api_id":"a","meta":{"limit":2,"next":"{{PoolPath}}?limit=2&offset=2","offset":0,"previous":null,"total_count":40},"objects":[{{AddExample}},{{AddExample.Replace(Number, "18005550100", System.StringComparison.Ordinal)}}]}"""));

        var seen = new System.Collections.Generic.List<string?>();
        var e = await Fails(async () =>
        {
            await foreach (var number in Api.NumberPool(PoolUuid).Tollfree.ListAllAsync(pageSize: 2))
            {
                seen.Add(number.Number);
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { Number, "18005550100" }), "each number once");
        Assert.That(e.Message, Does.Contain("not paging").Or.Contain("offset"));
        Assert.That(Received, Has.Length.EqualTo(2));
    }
}
