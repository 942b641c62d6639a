using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>
/// Every error status crossed with every kind of body, and the transport faults, for every operation: only a
/// PlivoRestException reaches the caller, with the right status and fields, after exactly the attempts the retry rule
/// allows, and never with the token in it.
/// </summary>
public class FaultMatrixTests : WireMockTestBase
{
    private const string ApiId = "8c1b2d3e-7a36-11e8-aea7-0242ac110002";
    private const int MaxRetries = 2;

    public enum Operation { Get, Add, Find, List, Remove }

    public enum Body { PlivoErrorJson, HtmlPage, Empty, TruncatedJson, WrongShapeJson }

    private static readonly int[] Statuses = { 400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504 };

    public static IEnumerable<TestCaseData> StatusCases() =>
        from status in Statuses
        from body in Enum.GetValues<Body>()
        from operation in Enum.GetValues<Operation>()
        select new TestCaseData(status, body, operation);

    private static string? BodyText(Body body) => body switch
    {
        Body.PlivoErrorJson => $$"""{"api_id":"{{ApiId}}","error":"something went wrong"}""",
        Body.HtmlPage => "<html><head><title>Error</title></head><body><h1>Upstream failed</h1></body></html>",
        Body.Empty => null,
        Body.TruncatedJson => $$"""{"api_id":"{{ApiId}}","err""",
        _ => """[{"unexpected":true},{"items":[1,2]}]""",
    };

    private static bool IsIdempotent(Operation operation) => operation != Operation.Add;

    private static int ExpectedAttempts(int status, Operation operation) =>
        status == 429 || (IsIdempotent(operation) && status is 408 or 500 or 502 or 503 or 504) ? 1 + MaxRetries : 1;

    private PlivoApi MatrixApi(Uri baseUrl) => new(AuthId, AuthToken, new PlivoClientOptions
    {
        BaseUrl = baseUrl,
        MaxRetries = MaxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
    });

    private static Task Call(PlivoApi api, Operation operation)
    {
        var pool = api.NumberPool(PoolUuid).Tollfree;
        return operation switch
        {
            Operation.Get => api.Powerpacks.GetAsync(PowerpackUuid),
            Operation.Add => pool.AddAsync(Number),
            Operation.Find => pool.FindAsync(Number),
            Operation.List => pool.ListAsync(),
            _ => pool.RemoveAsync(Number),
        };
    }

    /// <summary>Runs the call and returns what reached the caller; fails on any type outside the contract.</summary>
    private static async Task<PlivoRestException> OnlyPlivoRestException(PlivoApi api, Operation operation)
    {
        try
        {
            await Call(api, operation);
        }
        catch (PlivoRestException e)
        {
            Assert.That(e.Message, Does.Not.Contain(AuthToken));
            Assert.That(e.ToString(), Does.Not.Contain(AuthToken).And.Not.Contain(ExpectedAuthorization.Substring(6)));
            return e;
        }
        catch (Exception other)
        {
            Assert.Fail($"only PlivoRestException may reach the caller; got {other.GetType().Name}: {other.Message}");
        }

        Assert.Fail("the call succeeded");
        return null!;
    }

    [TestCaseSource(nameof(StatusCases))]
    public async Task Error_status_and_body(int status, Body body, Operation operation)
    {
        var response = Response.Create().WithStatusCode(status);
        var text = BodyText(body);
        if (text is not null)
        {
            response = response.WithHeader("Content-Type", body == Body.HtmlPage ? "text/html" : "application/json").WithBody(text);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
        using var api = MatrixApi(BaseUrl);

        var e = await OnlyPlivoRestException(api, operation);

        Assert.That(e.StatusCode, Is.EqualTo(status));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(ExpectedAttempts(status, operation)), "attempts the server saw");
        if (body == Body.PlivoErrorJson)
        {
            Assert.That((e.ApiId, e.Error), Is.EqualTo((ApiId, "something went wrong")));
            Assert.That(e.Message, Does.Contain("something went wrong").And.Contain($"[api_id {ApiId}]"));
        }
        else
        {
            Assert.That((e.ApiId, e.Error), Is.EqualTo(((string?)null, (string?)null)));
        }

        Assert.That(e.Message, Does.StartWith($"Plivo API returned {status} ("));
        Assert.That(e.ResponseBody, Is.EqualTo(text));
    }

    [Test]
    public async Task Empty_response_fault([Values] Operation operation)
    {
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));
        using var api = MatrixApi(BaseUrl);

        var e = await OnlyPlivoRestException(api, operation);

        // WireMock.Net's EMPTY_RESPONSE answers 200 with no body: the client reports the unusable answer, once.
        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Malformed_response_chunk_fault([Values] Operation operation)
    {
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody(AddExample).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));
        using var api = MatrixApi(BaseUrl);

        var e = await OnlyPlivoRestException(api, operation);

        // WireMock.Net's MALFORMED_RESPONSE_CHUNK answers 200 with a garbled body: unreadable, reported, not retried.
        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(e.Message, Does.Contain("Could not deserialize"));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_answer_slower_than_the_attempt_timeout([Values] Operation operation)
    {
        using var silent = RawTcpServer.Hanging();
        using var api = MatrixApi(silent.BaseUrl);

        var e = await OnlyPlivoRestException(api, operation);

        var attempts = IsIdempotent(operation) ? 1 + MaxRetries : 1;
        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain("timed out").And.Contain(attempts == 1 ? "1 attempt in" : $"{attempts} attempts in"));
        Assert.That(silent.Requests, Is.EqualTo(attempts));
    }

    [Test]
    public async Task A_connection_dropped_before_any_answer([Values] Operation operation)
    {
        using var dropping = RawTcpServer.Dropping();
        using var api = MatrixApi(dropping.BaseUrl);

        var e = await OnlyPlivoRestException(api, operation);

        // The request may have reached Plivo: only idempotent operations are tried again.
        var attempts = IsIdempotent(operation) ? 1 + MaxRetries : 1;
        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain(attempts == 1 ? "failed after 1 attempt:" : $"failed after {attempts} attempts:"));
        // The add reached the peer exactly once. For GET/DELETE, .NET's SocketsHttpHandler also re-sends a request whose
        // connection closed before any byte of an answer, so the peer sees more arrivals than our attempts.
        Assert.That(dropping.Requests, IsIdempotent(operation) ? Is.GreaterThanOrEqualTo(attempts) : Is.EqualTo(1));
    }

    [Test]
    public async Task A_closed_port([Values] Operation operation)
    {
        var port = FreePort();
        using var api = MatrixApi(new Uri($"http://127.0.0.1:{port}/v1/"));

        var e = await OnlyPlivoRestException(api, operation);

        // A refused connection proves nothing was sent: every operation, the add included, is tried again.
        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain($"failed after {1 + MaxRetries} attempts"));
    }
}
