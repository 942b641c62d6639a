using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>Every failure from the service or the network reaches the caller as a PlivoRestException, without the token.</summary>
public class ErrorTests : WireMockTestBase
{
    private const string ApiId = "8c1b2d3e-7a36-11e8-aea7-0242ac110002";

    private void AnswerAdd(int status, string? body, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        Server.Given(Request.Create().UsingPost().WithPath(NumberPath)).RespondWith(response);
    }

    private async Task<PlivoRestException> AddFails()
    {
        var e = await AssertThrowsPlivoRestException(() => Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number));
        AssertNoToken(e);
        return e;
    }

    private static async Task<PlivoRestException> AssertThrowsPlivoRestException(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PlivoRestException e)
        {
            return e;
        }
        catch (Exception other)
        {
            Assert.Fail($"expected PlivoRestException, got {other.GetType()}: {other}");
        }

        Assert.Fail("expected PlivoRestException, the call succeeded");
        return null!;
    }

    private static void AssertNoToken(Exception e)
    {
        Assert.That(e.Message, Does.Not.Contain(AuthToken));
        Assert.That(e.ToString(), Does.Not.Contain(AuthToken));
        var base64Credentials = ExpectedAuthorization.Substring("Basic ".Length);
        Assert.That(e.ToString(), Does.Not.Contain(base64Credentials));
    }

    [TestCase(400, "number already exists in the number pool", "Bad Request")]
    [TestCase(401, "authentication failed", "Unauthorized")]
    [TestCase(404, "not found", "Not Found")]
    [TestCase(405, "method not allowed", "Method Not Allowed")]
    [TestCase(429, "too many requests", "Too Many Requests")]
    [TestCase(500, "internal server error", "Internal Server Error")]
    [TestCase(503, "service unavailable", "Service Unavailable")]
    [TestCase(409, "conflict", "Conflict")]
    public async Task Plivo_error_json_gives_status_api_id_and_error(int status, string error, string reason)
    {
        AnswerAdd(status, $$"""{"api_id":"{{ApiId}}","error":"{{error}}"}""");

        var e = await AddFails();

        Assert.That(e.StatusCode, Is.EqualTo(status));
        Assert.That(e.ApiId, Is.EqualTo(ApiId));
        Assert.That(e.Error, Is.EqualTo(error));
        Assert.That(e.Message, Is.EqualTo($"Plivo API returned {status} ({reason}): {error} [api_id {ApiId}]"));
        Assert.That(e.ResponseBody, Does.Contain(error));
        Assert.That(e.Headers.Keys, Does.Contain("Content-Type"));
    }

    [Test]
    public async Task A_declared_error_status_also_carries_the_typed_error_body()
    {
        AnswerAdd(404, $$"""{"api_id":"{{ApiId}}","error":"not found"}""");

        var e = await AddFails();

        Assert.That(e, Is.InstanceOf<PlivoRestException<PlivoError>>());
        Assert.That(((PlivoRestException<PlivoError>)e).Result.Error, Is.EqualTo("not found"));
    }

    [Test]
    public async Task Html_502_from_a_proxy_gives_the_status_and_keeps_the_body()
    {
        const string html = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        AnswerAdd(502, html, "text/html");

        var e = await AddFails();

        Assert.That(e.StatusCode, Is.EqualTo(502));
        Assert.That(e.ApiId, Is.Null);
        Assert.That(e.Error, Is.Null);
        Assert.That(e.ResponseBody, Is.EqualTo(html));
        Assert.That(e.Message, Does.StartWith("Plivo API returned 502 (Bad Gateway): "));
    }

    [Test]
    public async Task Empty_500_gives_the_status()
    {
        AnswerAdd(500, null);

        var e = await AddFails();

        Assert.That(e.StatusCode, Is.EqualTo(500));
        Assert.That(e.ApiId, Is.Null);
        Assert.That(e.ResponseBody, Is.Null);
        Assert.That(e.Message, Does.StartWith("Plivo API returned 500 (Internal Server Error): "));
    }

    [Test]
    public async Task Truncated_json_on_200_is_a_PlivoRestException_not_a_JsonException()
    {
        AnswerAdd(200, AddExample.Substring(0, 40));

        var e = await AddFails();

        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(e.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
        // A 2xx body is parsed from the buffered stream (not a string); the raw text is still kept for the exception.
        Assert.That(e.ResponseBody, Is.EqualTo(AddExample.Substring(0, 40)));
    }

    [TestCase(404, "{\"api_id\":\"x\",\"error\":\"not found\"}")]
    [TestCase(200, "{\"number\":")]
    public async Task The_answer_headers_are_kept_in_the_exception(int status, string body)
    {
        Server.Given(Request.Create().UsingPost().WithPath(NumberPath)).RespondWith(Response.Create()
            .WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("X-Plivo-Test", "req-42").WithBody(body));

        var e = await AddFails();

        // The generated code hands the headers over uncopied; the exception copies them before the answer is disposed.
        Assert.That(e.Headers["X-Plivo-Test"], Is.EqualTo(new[] { "req-42" }));
        Assert.That(e.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
    }

    [TestCase("null")]
    [TestCase(" null ")]
    public async Task A_null_body_on_200_keeps_the_raw_body(string body)
    {
        AnswerAdd(200, body);

        var e = await AddFails();

        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(e.ResponseBody, Is.EqualTo(body));
    }

    [Test]
    public async Task Content_after_the_json_on_200_is_still_refused_with_the_raw_body()
    {
        var body = AddExample + " {}";
        AnswerAdd(200, body);

        var e = await AddFails();

        Assert.That(e.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
        Assert.That(e.ResponseBody, Is.EqualTo(body));
    }

    [Test]
    public async Task A_body_longer_than_the_reader_buffer_is_read_whole()
    {
        var service = new string('s', 5000);
        AnswerAdd(200, AddExample.Replace("\"service\": \"sms\"", "\"service\": \"" + service + "\"", StringComparison.Ordinal));

        var added = await Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number);

        Assert.That(added.Service, Is.EqualTo(service));
        Assert.That(added.AddedOn, Is.EqualTo(new DateTime(2019, 10, 9)));
    }

    [Test]
    public async Task A_closed_port_is_a_PlivoRestException_with_status_0()
    {
        var port = FreePort();
        using var api = new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/"), RetryDelay = TimeSpan.FromMilliseconds(1) });

        var e = await AssertThrowsPlivoRestException(() => api.NumberPool(PoolUuid).Tollfree.AddAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(0));
        // A refused connection proves the add never left, so even the POST was tried 1 + 3 times.
        Assert.That(e.Message, Does.StartWith("Plivo API call failed: POST ").And.Contain("failed after 4 attempts"));
        Assert.That(e.InnerException, Is.Not.Null);
        AssertNoToken(e);
    }

    [Test]
    public async Task A_slow_answer_times_out_as_a_PlivoRestException_naming_the_timeout()
    {
        Server.Given(Request.Create().UsingGet().WithPath(NumberPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AddExample).WithDelay(TimeSpan.FromSeconds(1)));
        using var api = CreateApi(new PlivoClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var e = await AssertThrowsPlivoRestException(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain("timed out after 0.3 s"));
        AssertNoToken(e);
    }

    [Test]
    public void The_callers_cancellation_stays_an_OperationCanceledException()
    {
        Server.Given(Request.Create().UsingGet().WithPath(NumberPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AddExample).WithDelay(TimeSpan.FromSeconds(1)));
        using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number, cancel.Token));
    }

    [TestCase("Get")]
    [TestCase("Find")]
    [TestCase("List")]
    [TestCase("Remove")]
    public async Task Every_operation_maps_error_json_the_same_way(string operation)
    {
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404).WithBody($$"""{"api_id":"{{ApiId}}","error":"not found"}"""));
        var pool = Api.NumberPool(PoolUuid).Tollfree;
        Func<Task> call = operation switch
        {
            "Get" => () => Api.Powerpacks.GetAsync(PowerpackUuid),
            "Find" => () => pool.FindAsync(Number),
            "List" => () => pool.ListAsync(),
            _ => () => pool.RemoveAsync(Number),
        };

        var e = await AssertThrowsPlivoRestException(call);

        Assert.That((e.StatusCode, e.ApiId, e.Error), Is.EqualTo((404, ApiId, "not found")));
        AssertNoToken(e);
    }

    [TestCase(null)]
    [TestCase("/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/Powerpack/")]
    [TestCase("/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/NumberPool/not-a-uuid/")]
    [TestCase("/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/NumberPool/")]
    [TestCase("/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/extra/")]
    public async Task A_powerpack_without_a_usable_number_pool_names_the_powerpack(string? numberPool)
    {
        Server.Given(Request.Create().UsingGet().WithPath(PowerpackPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PowerpackJson(numberPool)));

        var powerpack = await Api.Powerpacks.GetAsync(PowerpackUuid);

        Assert.That(powerpack.NumberPoolUuid, Is.Null);
        var e = Assert.Throws<InvalidOperationException>(() => _ = powerpack.NumberPool);
        Assert.That(e!.Message, Does.Contain(PowerpackUuid).And.Contain("marketing").And.Contain("number_pool"));
        Assert.ThrowsAsync<InvalidOperationException>(() => powerpack.AddTollfreeAsync(Number));
        Assert.That(Received, Has.Length.EqualTo(1), "only the Powerpack was fetched");
    }
}
