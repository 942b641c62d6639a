using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Plivo.Generated.Tests.Support;

/// <summary>
/// A fresh WireMock server on 127.0.0.1 for each test, and a <see cref="PlivoApi"/> pointed at it with known test
/// credentials. Tests script the answers with <see cref="Server"/> and read what was sent from its log.
/// </summary>
public abstract class WireMockTestBase
{
    /// <summary>A 20-character Auth ID shaped like Plivo's.</summary>
    protected const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";

    /// <summary>A token no message, log line or ToString may ever show.</summary>
    protected const string AuthToken = "tok3n-S3CRET-must-never-leak-0123456789";

    /// <summary>What every request's Authorization header must be: Basic base64(AuthId:AuthToken).</summary>
    protected static readonly string ExpectedAuthorization =
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AuthId + ":" + AuthToken));

    protected const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";
    protected const string PowerpackUuid = "d35f2e82-d387-427f-8594-6fa07613c43a";
    protected const string Number = "18772209942";

    protected static readonly string PoolPath = $"/v1/Account/{AuthId}/NumberPool/{PoolUuid}/Tollfree/";
    protected static readonly string NumberPath = $"{PoolPath}{Number}/";
    protected static readonly string PowerpackPath = $"/v1/Account/{AuthId}/Powerpack/{PowerpackUuid}/";

    protected WireMockServer Server { get; private set; } = null!;

    protected PlivoApi Api { get; private set; } = null!;

    [SetUp]
    public void StartServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = new[] { $"http://127.0.0.1:{FreePort()}" },
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            DisableJsonBodyParsing = true,
        });
        Api = CreateApi();
    }

    [TearDown]
    public void StopServer()
    {
        Api.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    protected Uri BaseUrl => new($"{Server.Url}/v1/");

    /// <summary>A client on this test's server; retries stay on (default count) but wait 1 ms, so tests stay fast.</summary>
    protected PlivoApi CreateApi(PlivoClientOptions? options = null)
    {
        options ??= new PlivoClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) };
        options.BaseUrl = BaseUrl;
        return new PlivoApi(AuthId, AuthToken, options);
    }

    /// <summary>The call must end in a <see cref="PlivoRestException"/>; returns it.</summary>
    protected static async System.Threading.Tasks.Task<PlivoRestException> Fails(Func<System.Threading.Tasks.Task> call)
    {
        try
        {
            await call();
        }
        catch (PlivoRestException e)
        {
            return e;
        }

        Assert.Fail("expected a PlivoRestException");
        return null!;
    }

    /// <summary>The requests WireMock received, oldest first.</summary>
    protected WireMock.Logging.ILogEntry[] Received => Server.LogEntries.OrderBy(e => e.RequestMessage!.DateTime).ToArray();

    /// <summary>Plivo's documented add answer, field for field.</summary>
    protected const string AddExample = """
        {
          "account_phone_number_resource": "/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/Number/18772209942/",
          "added_on": "2019-10-09",
          "api_id": "612982e8-7a36-11e8-aea7-0242ac110002",
          "country_iso2": "US",
          "number": "18772209942",
          "number_pool_uuid": "659c7f88-c819-46e2-8af4-2d8a84249099",
          "service": "sms",
          "type": "tollfree"
        }
        """;

    protected static string PowerpackJson(string? numberPool) =>
        Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            api_id = "5b2a3a2c-7a36-11e8-aea7-0242ac110002",
            uuid = PowerpackUuid,
            name = "marketing",
            number_pool = numberPool,
            created_on = "2019-10-09T11:10:59.741978Z",
            sticky_sender = true,
            local_connect = false,
            application_type = "",
            application_id = "",
        });

    protected static string ValidPoolPath => $"/v1/Account/{AuthId}/NumberPool/{PoolUuid}/";

    /// <summary>A loopback port nothing listens on (free a moment ago): connecting to it is refused.</summary>
    protected static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
