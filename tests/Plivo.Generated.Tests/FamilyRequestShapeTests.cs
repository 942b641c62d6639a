using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>
/// What goes on the wire for each operation of the Powerpack family (method, path, query, body), and how the answers
/// Plivo and its SDKs' fixtures send are read, variants included: <c>added_on</c> as a date or a timestamp,
/// <c>meta.next</c> null or empty, <c>type</c> <c>tollfree</c> or <c>toll-free</c>, <c>application_id</c> a string or a
/// number, a legacy 204 to a delete, and fields this version does not know kept in <c>AdditionalProperties</c>.
/// </summary>
public class FamilyRequestShapeTests : WireMockTestBase
{
    private static readonly string Account = $"/v1/Account/{AuthId}/";
    private static readonly string NumbersPath = $"{Account}NumberPool/{PoolUuid}/Number/";
    private static readonly string ShortcodesPath = $"{Account}NumberPool/{PoolUuid}/Shortcode/";

    private static string PowerpackAnswer(string applicationId = "\"20342783288007824\"") => $$"""
        {"api_id":"4b2c83c4-09ff-11ea-b072-0242ac110007","application_id":{{applicationId}},"application_type":"XML",
         "created_on":"2019-10-09T11:10:59.666461Z","local_connect":true,"name":"test",
         "number_pool":"/v1/Account/{{AuthId}}/NumberPool/{{PoolUuid}}/",
         "number_priority":[{"country_iso":"US","priority":{"priority1":"shortcode","priority2":"longcode","priority3":"tollfree" },"service_type":"SMS" }],
         "sticky_sender":true,"uuid":"{{PowerpackUuid}}","brand_new_field":{"x":1 } }
        """;

    private static string NumberAnswer(string addedOn = "\"2019-10-09\"", string type = "fixed") => $$"""
        {"account_phone_number_resource":"/v1/Account/{{AuthId}}/Number/14155550100/","added_on":{{addedOn}},"api_id":"a",
         "country_iso2":"US","number":"14155550100","number_pool_uuid":"{{PoolUuid}}","service":"sms","type":"{{type}}"}
        """;

    private void Answer(string method, string path, string json, int status = 200) =>
        Server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    private WireMock.IRequestMessage Only()
    {
        Assert.That(Received, Has.Length.EqualTo(1), "exactly one request");
        return Received[0].RequestMessage!;
    }

    private static JToken Body(WireMock.IRequestMessage request) => JToken.Parse(request.Body!);

    // ---- Powerpacks -----------------------------------------------------------------------------------------------------

    [Test]
    public async Task Create_posts_the_fields_given_and_reads_the_whole_Powerpack()
    {
        Answer("POST", $"{Account}Powerpack/", PowerpackAnswer());

        var created = await Api.Powerpacks.CreateAsync("test", stickySender: true, applicationType: ApplicationType.Xml, applicationId: "none");

        var request = Only();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.AbsolutePath, Is.EqualTo($"{Account}Powerpack/"));
            Assert.That(JToken.DeepEquals(Body(request), JObject.Parse("""{"name":"test","sticky_sender":true,"application_type":"xml","application_id":"none"}""")), Is.True, request.Body);
            Assert.That(created.Uuid, Is.EqualTo(PowerpackUuid));
            Assert.That(created.NumberPoolUuid, Is.EqualTo(PoolUuid));
            Assert.That(created.Resource.ApplicationId, Is.EqualTo("20342783288007824"));
            Assert.That(created.Resource.NumberPriority!.Single().Priority!.Priority3, Is.EqualTo("tollfree"));
            Assert.That(created.Resource.AdditionalProperties, Does.ContainKey("brand_new_field"), "a field this version does not know is kept");
        });
    }

    [Test]
    public async Task An_application_id_sent_as_a_number_is_read_as_text()
    {
        Answer("GET", $"{Account}Powerpack/{PowerpackUuid}/", PowerpackAnswer(applicationId: "20342783288007824"));

        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);

        Assert.That(powerpack.Resource.ApplicationId, Is.EqualTo("20342783288007824"));
    }

    [Test]
    public async Task List_sends_limit_and_offset_and_reads_an_empty_next_as_the_last_page()
    {
        Answer("GET", $"{Account}Powerpack/", $$"""{"api_id":"e","meta":{"limit":20,"next":"","offset":0,"previous":"","total_count":1},"objects":[{{PowerpackAnswer()}}]}""");

        var page = await Api.Powerpacks.ListAsync(limit: 20, offset: 0);
        var all = await Api.Powerpacks.ListAllAsync().ToListAsync();

        Assert.That(Received[0].RequestMessage!.RawQuery, Is.EqualTo("?limit=20&offset=0"));
        Assert.That(page.Meta!.Next, Is.Empty);
        Assert.That(all.Select(p => p.Name), Is.EqualTo(new[] { "test" }), "an empty next ends the walk");
        Assert.That(Received, Has.Length.EqualTo(2));
    }

    [Test]
    public async Task Update_posts_only_the_fields_given_to_the_Powerpacks_path()
    {
        Answer("GET", $"{Account}Powerpack/{PowerpackUuid}/", PowerpackAnswer());
        Answer("POST", $"{Account}Powerpack/{PowerpackUuid}/", PowerpackAnswer());
        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);

        await powerpack.UpdateAsync(localConnect: false);

        var request = Received[1].RequestMessage!;
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Body, Is.EqualTo("{\"local_connect\":false}"));
    }

    [TestCase(200, "{\"api_id\":\"964edb6e\",\"response\":\"success\"}")]
    [TestCase(204, "")]
    public async Task Delete_sends_unrent_numbers_in_a_json_body_and_takes_200_or_the_legacy_204(int status, string answer)
    {
        Answer("GET", $"{Account}Powerpack/{PowerpackUuid}/", PowerpackAnswer());
        Server.Given(Request.Create().UsingDelete().WithPath($"{Account}Powerpack/{PowerpackUuid}/"))
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(answer));
        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);

        var deleted = await powerpack.DeleteAsync(unrentNumbers: true);
        var raw = await Api.GetClient<IPowerpackClient>().DeleteAsync(Guid.Parse(PowerpackUuid));

        Assert.That(Received[1].RequestMessage!.Method, Is.EqualTo("DELETE"));
        Assert.That(Received[1].RequestMessage!.Body, Is.EqualTo("{\"unrent_numbers\":true}"));
        Assert.That(deleted.Response, Is.EqualTo("success"));
        Assert.That(raw, Is.Not.Null, "the generated client takes a 204 as well");
    }

    // ---- a pool's numbers ------------------------------------------------------------------------------------------------

    [Test]
    public async Task The_numbers_list_sends_its_filters_in_the_query()
    {
        Answer("GET", NumbersPath, $$"""{"api_id":"a","meta":{"limit":5,"next":null,"offset":10,"previous":null,"total_count":11},"objects":[{{NumberAnswer()}}]}""");

        var page = await Api.NumberPool(PoolUuid).Numbers.ListAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415", "1650" }, Type = NumberType.Mobile, Service = NumberService.Mms }, limit: 5, offset: 10);

        var request = Only();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.AbsolutePath, Is.EqualTo(NumbersPath));
        Assert.That(Uri.UnescapeDataString(request.RawQuery!), Is.EqualTo("?starts_with=1415,1650&country_iso2=US&type=mobile&service=mms&limit=5&offset=10"));
        Assert.That(page.Objects!.Single().Number, Is.EqualTo("14155550100"));
    }

    [Test]
    public async Task Count_is_a_list_of_one_that_reads_total_count()
    {
        Answer("GET", NumbersPath, """{"api_id":"a","meta":{"limit":1,"next":"/x","offset":0,"previous":null,"total_count":42},"objects":[]}""");

        var count = await Api.NumberPool(PoolUuid).Numbers.CountAsync(new NumberFilter { Type = NumberType.Tollfree });

        Assert.That(count, Is.EqualTo(42));
        Assert.That(Only().RawQuery, Is.EqualTo("?type=tollfree&limit=1&offset=0"));
    }

    [Test]
    public async Task Find_sends_the_service_and_reads_a_timestamp_added_on()
    {
        Answer("GET", $"{NumbersPath}14155550100/", NumberAnswer(addedOn: "\"2019-10-09T11:24:35.085797Z\""));

        var found = await Api.NumberPool(PoolUuid).Numbers.FindAsync("14155550100", NumberService.Sms);

        Assert.That(Only().RawQuery, Is.EqualTo("?service=sms"));
        Assert.That(found.AddedOn!.Value.Date, Is.EqualTo(new DateTime(2019, 10, 9)));
    }

    [TestCase(false, "{\"rent\":false}")]
    [TestCase(true, "{\"rent\":true}")]
    public async Task Add_and_buy_and_add_post_rent_as_a_json_boolean(bool buy, string body)
    {
        Answer("POST", $"{NumbersPath}14155550100/", NumberAnswer());
        var numbers = Api.NumberPool(PoolUuid).Numbers;

        var added = buy ? await numbers.BuyAndAddAsync("14155550100") : await numbers.AddAsync("14155550100");

        Assert.That(Only().Body, Is.EqualTo(body));
        Assert.That(added.Type, Is.EqualTo("fixed"));
    }

    [Test]
    public async Task Buy_and_add_without_a_number_searches_the_inventory_then_adds_the_first_with_rent_true()
    {
        Answer("GET", $"{Account}PhoneNumber/", """{"api_id":"s","meta":{"limit":1,"next":null,"offset":0,"previous":null,"total_count":9},"objects":[{"number":"14155550100","type":"fixed","sms_enabled":true,"lata":722,"restriction":null}]}""");
        Answer("POST", $"{NumbersPath}14155550100/", NumberAnswer());

        await Api.NumberPool(PoolUuid).Numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US") { Type = NumberType.Fixed, Pattern = "415", Region = "California", Services = "sms" }, service: NumberService.Sms);

        Assert.That(Received, Has.Length.EqualTo(2));
        Assert.That(Received[0].RequestMessage!.AbsolutePath, Is.EqualTo($"{Account}PhoneNumber/"));
        Assert.That(Uri.UnescapeDataString(Received[0].RequestMessage!.RawQuery!), Is.EqualTo("?country_iso=US&type=fixed&pattern=415&region=California&services=sms&limit=1&offset=0"));
        Assert.That(Received[1].RequestMessage!.Body, Is.EqualTo("{\"rent\":true,\"service\":\"sms\"}"));
    }

    [Test]
    public async Task Remove_sends_unrent_in_a_json_body()
    {
        Answer("DELETE", $"{NumbersPath}14155550100/", """{"api_id":"r","response":"success"}""");

        var removed = await Api.NumberPool(PoolUuid).Numbers.RemoveAsync("14155550100", unrent: true);

        var request = Only();
        Assert.That(request.Method, Is.EqualTo("DELETE"));
        Assert.That(request.RawQuery, Is.Null.Or.Empty);
        Assert.That(request.Body, Is.EqualTo("{\"unrent\":true}"));
        Assert.That(removed.Response, Is.EqualTo("success"));
    }

    [TestCase("tollfree")]
    [TestCase("toll-free")]
    public async Task A_toll_free_type_is_read_as_Plivo_writes_it(string type)
    {
        Answer("GET", $"{Account}NumberPool/{PoolUuid}/Tollfree/{Number}/", NumberAnswer(type: type).Replace("14155550100", Number, StringComparison.Ordinal));

        var found = await Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(found.Type, Is.EqualTo(type));
    }

    // ---- shortcodes ------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Shortcodes_are_listed_found_and_removed_at_their_paths()
    {
        Answer("GET", ShortcodesPath, $$"""{"api_id":"l","meta":{"limit":20,"next":"","offset":0,"previous":"","total_count":1},"objects":[{"added_on":"2019-10-09T11:10:59.741978Z","country_iso2":"US","number_pool_uuid":"{{PoolUuid}}","shortcode":"444444"}]}""");
        Answer("GET", $"{ShortcodesPath}444444/", $$"""{"added_on":"2019-10-09","api_id":"f","country_iso2":"US","number_pool_uuid":"{{PoolUuid}}","shortcode":"444444"}""");
        Answer("DELETE", $"{ShortcodesPath}444444/", """{"api_id":"r","response":"success"}""");
        var shortcodes = Api.NumberPool(PoolUuid).Shortcodes;

        var page = await shortcodes.ListAsync(limit: 20, offset: 0);
        var found = await shortcodes.FindAsync("444444");
        var removed = await shortcodes.RemoveAsync("444444");

        Assert.Multiple(() =>
        {
            Assert.That(Received.Select(r => $"{r.RequestMessage!.Method} {r.RequestMessage.AbsolutePath}"), Is.EqualTo(new[]
            {
                $"GET {ShortcodesPath}", $"GET {ShortcodesPath}444444/", $"DELETE {ShortcodesPath}444444/",
            }));
            Assert.That(Received[2].RequestMessage!.Body, Is.Null.Or.Empty, "a shortcode remove has no body");
            Assert.That(page.Objects!.Single().AddedOn!.Value.Date, Is.EqualTo(new DateTime(2019, 10, 9)));
            Assert.That(found.Shortcode, Is.EqualTo("444444"));
            Assert.That(removed.Response, Is.EqualTo("success"));
        });
    }
}
