using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>Building a PlivoApi: credentials, options, User-Agent, caller-owned HttpClient, and no token in any ToString.</summary>
[NonParallelizable] // some tests set process environment variables
public class ApiConstructionTests : WireMockTestBase
{
    private void AnswerFind() =>
        Server.Given(Request.Create().UsingGet().WithPath(NumberPath)).RespondWith(Response.Create().WithStatusCode(200).WithBody(AddExample));

    [Test]
    public async Task The_parameterless_constructor_reads_PLIVO_AUTH_ID_and_PLIVO_AUTH_TOKEN()
    {
        AnswerFind();
        using (new EnvironmentVariables(("PLIVO_AUTH_ID", AuthId), ("PLIVO_AUTH_TOKEN", AuthToken)))
        {
            using var api = new PlivoApi(new PlivoClientOptions { BaseUrl = BaseUrl });

            await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

            Assert.That(api.AuthId, Is.EqualTo(AuthId));
            Assert.That(Received.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo(ExpectedAuthorization));
        }
    }

    [Test]
    public async Task Credentials_in_the_options_win_over_the_environment()
    {
        AnswerFind();
        using (new EnvironmentVariables(("PLIVO_AUTH_ID", "SAOTHEROTHEROTHEROTH"), ("PLIVO_AUTH_TOKEN", "other-token")))
        {
            using var api = new PlivoApi(new PlivoClientOptions { BaseUrl = BaseUrl, AuthId = AuthId, AuthToken = AuthToken });

            await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

            Assert.That(Received.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo(ExpectedAuthorization));
        }
    }

    [Test]
    public void Only_one_credential_in_the_options_is_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PlivoApi(new PlivoClientOptions { BaseUrl = BaseUrl, AuthId = AuthId }).Dispose());
        Assert.That(e!.Message, Does.Contain("PlivoClientOptions.AuthToken"));
    }

    // (An empty value cannot be set in-process: .NET deletes the variable then. Blank stands for it.)
    [TestCase(null, AuthToken, "PLIVO_AUTH_ID is not set")]
    [TestCase(AuthId, null, "PLIVO_AUTH_TOKEN is not set")]
    [TestCase(AuthId, "  ", "PLIVO_AUTH_TOKEN is set but empty")]
    [TestCase("\t", AuthToken, "PLIVO_AUTH_ID is set but empty")]
    public void A_missing_environment_variable_is_named_and_so_is_how_it_is_missing(string? authId, string? authToken, string expected)
    {
        using (new EnvironmentVariables(("PLIVO_AUTH_ID", authId), ("PLIVO_AUTH_TOKEN", authToken)))
        {
            var e = Assert.Throws<InvalidOperationException>(() => new PlivoApi().Dispose());
            Assert.That(e!.Message, Does.Contain(expected));
        }
    }

    [Test]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused_naming_the_option()
    {
        var e = Assert.Throws<ArgumentException>(() => new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = new Uri("http://api.example.com/v1/") }).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo("BaseUrl"));
        Assert.That(e.Message, Does.Contain("AllowInsecureHttp"));

        // An explicit opt-in is honoured.
        Assert.DoesNotThrow(() => new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = new Uri("http://api.example.com/v1/"), AllowInsecureHttp = true }).Dispose());
    }

    [TestCase("MA123")]
    [TestCase("XAZDQ1ZJI0NDFMNZA0ZT")]
    [TestCase("mazdq1zji0ndfmnza0zt")]
    [TestCase("MAZDQ1ZJI0NDFMNZA0ZTX")]
    public void An_auth_id_not_shaped_like_Plivos_is_refused_unless_allowed(string authId)
    {
        var e = Assert.Throws<ArgumentException>(() => new PlivoApi(authId, AuthToken, new PlivoClientOptions { BaseUrl = BaseUrl }).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo("authId"));
        Assert.That(e.Message, Does.Contain(authId).And.Contain("AllowAnyAuthIdFormat").And.Not.Contain(AuthToken));

        Assert.DoesNotThrow(() => new PlivoApi(authId, AuthToken, new PlivoClientOptions { BaseUrl = BaseUrl, AllowAnyAuthIdFormat = true }).Dispose());
    }

    [TestCase("SAZDQ1ZJI0NDFMNZA0ZT")]
    [TestCase("MAZDQ1ZJI0NDFMNZA0ZT")]
    public void Account_and_subaccount_auth_ids_are_accepted(string authId) =>
        Assert.DoesNotThrow(() => new PlivoApi(authId, AuthToken, new PlivoClientOptions { BaseUrl = BaseUrl }).Dispose());

    public static IEnumerable<TestCaseData> BadRetryOptions()
    {
        yield return new TestCaseData(new PlivoClientOptions { MaxRetries = -1 }, "MaxRetries");
        yield return new TestCaseData(new PlivoClientOptions { MaxRetries = 11 }, "MaxRetries");
        yield return new TestCaseData(new PlivoClientOptions { AttemptTimeout = TimeSpan.Zero }, "AttemptTimeout");
        yield return new TestCaseData(new PlivoClientOptions { RetryDelay = TimeSpan.FromSeconds(-1) }, "RetryDelay");
        yield return new TestCaseData(new PlivoClientOptions { MaxRetryDelay = TimeSpan.FromDays(2) }, "MaxRetryDelay");
        yield return new TestCaseData(new PlivoClientOptions { MaxRetryAfter = TimeSpan.FromSeconds(-5) }, "MaxRetryAfter");
    }

    [TestCaseSource(nameof(BadRetryOptions))]
    public void A_retry_or_timeout_option_out_of_range_is_refused_naming_it(PlivoClientOptions options, string name)
    {
        options.BaseUrl = BaseUrl;
        var e = Assert.Catch<ArgumentException>(() => new PlivoApi(AuthId, AuthToken, options).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo(name));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_timeout_that_is_not_positive_is_refused(int seconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CreateApi(new PlivoClientOptions { Timeout = TimeSpan.FromSeconds(seconds) }).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo("Timeout"));
    }

    [Test]
    public void A_user_agent_suffix_with_a_line_break_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => CreateApi(new PlivoClientOptions { UserAgentSuffix = "app\r\nX-Evil: 1" }).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo("UserAgentSuffix"));
    }

    [Test]
    public async Task The_user_agent_names_the_package_version_runtime_os_and_suffix()
    {
        AnswerFind();
        using var api = CreateApi(new PlivoClientOptions { UserAgentSuffix = "MyApp/1.2" });

        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        var userAgent = Received.Single().RequestMessage!.Headers!["User-Agent"].Single();
        Assert.That(userAgent, Does.Match(@"^PlivoGenerated/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+; (Linux|Windows|macOS|Other)\) MyApp/1\.2$"));
        Assert.That(userAgent, Does.Contain($"(.NET {Environment.Version};"));
    }

    [Test]
    public async Task Options_changed_after_construction_do_not_reach_the_client()
    {
        AnswerFind();
        var options = new PlivoClientOptions { BaseUrl = BaseUrl };
        using var api = new PlivoApi(AuthId, AuthToken, options);
        options.BaseUrl = new Uri("https://elsewhere.invalid/v1/");

        var found = await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(found.Number, Is.EqualTo(Number));
    }

    [Test]
    public async Task A_caller_owned_HttpClient_carries_the_requests_and_is_not_disposed()
    {
        AnswerFind();
        var counting = new CountingHandler(new HttpClientHandler());
        using var callerClient = new HttpClient(counting);

        using (var api = new PlivoApi(AuthId, AuthToken, callerClient, new PlivoClientOptions { BaseUrl = BaseUrl }))
        {
            await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);
        }

        Assert.That(counting.Count, Is.EqualTo(1), "the request went through the caller's handlers");
        Assert.That(Received.Single().RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo(ExpectedAuthorization));
        // Still usable after the api is disposed: the caller owns it.
        using var response = await callerClient.GetAsync(new Uri(BaseUrl, NumberPath.TrimStart('/').Substring("v1/".Length)));
        Assert.That(counting.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task One_instance_serves_many_concurrent_calls()
    {
        AnswerFind();
        var pool = Api.NumberPool(PoolUuid).Tollfree;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => pool.FindAsync(Number)));

        Assert.That(results.Select(r => r.Number), Is.All.EqualTo(Number));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(50));
        Assert.That(Server.LogEntries.Select(e => e.RequestMessage!.Headers!["Authorization"].Single()), Is.All.EqualTo(ExpectedAuthorization));
    }

    [Test]
    public void No_ToString_shows_the_token()
    {
        var credentials = new PlivoCredentials(AuthId, AuthToken);
        var options = new PlivoClientOptions { BaseUrl = BaseUrl };
        using var pipeline = new PlivoPipeline(credentials, options);
        var withToken = new PlivoClientOptions { AuthId = AuthId, AuthToken = AuthToken };
        var texts = new[] { credentials.ToString(), options.ToString(), withToken.ToString(), pipeline.ToString(), Api.ToString(), Api.NumberPool(PoolUuid).ToString(), Api.NumberPool(PoolUuid).Tollfree.ToString() };

        Assert.That(texts, Has.None.Contains(AuthToken));
        Assert.That(credentials.ToString(), Does.Contain(AuthId));
        Assert.That(Api.ToString(), Does.Contain(AuthId));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public CountingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
