using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plivo.Generated.Http;
using Plivo.Generated.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>Retries, timeouts, cancellation and logging, scenario by scenario.</summary>
public class ReliabilityTests : WireMockTestBase
{
    private const string Error503 = """{"api_id":"a","error":"service unavailable"}""";

    private static IResponseBuilder Status(int status, string body = Error503) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>Answers the given responses in turn, then keeps answering the last one.</summary>
    private void AnswerInTurn(string method, string path, params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(Request.Create().UsingMethod(method).WithPath(path)).InScenario("turns");
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"after {i}");
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    [Test]
    public async Task A_get_answered_503_503_then_200_succeeds_after_three_requests()
    {
        AnswerInTurn("GET", NumberPath, Status(503), Status(503), Status(200, AddExample));

        var found = await Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(found.Number, Is.EqualTo(Number));
        Assert.That(Received, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task A_get_that_keeps_failing_is_tried_1_plus_MaxRetries_times_then_reports_the_last_status()
    {
        AnswerInTurn("GET", NumberPath, Status(503));

        var e = await Fails(() => Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(503));
        Assert.That(e.Error, Is.EqualTo("service unavailable"));
        Assert.That(Received, Has.Length.EqualTo(4));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(408)]
    public async Task An_add_answered_with_a_server_error_is_sent_exactly_once(int status)
    {
        AnswerInTurn("POST", NumberPath, Status(status), Status(200, AddExample));

        var e = await Fails(() => Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(status));
        Assert.That(Received, Has.Length.EqualTo(1), "Plivo may have added the number: the add must not be repeated");
    }

    private static readonly string Account = $"/v1/Account/{AuthId}/";

    /// <summary>Every call of the family that writes with POST, and the path it writes to.</summary>
    private static readonly (string Name, string Path, Func<PlivoApi, Task> Call)[] FamilyPosts =
    {
        ("Powerpack create", $"{Account}Powerpack/", api => api.Powerpacks.CreateAsync("marketing")),
        ("Powerpack update", $"{Account}Powerpack/{PowerpackUuid}/", api => api.Powerpacks.Wrap(new PowerpackResource { Uuid = PowerpackUuid, Name = "m" }).UpdateAsync(name: "n")),
        ("number add", $"{ValidPoolPath}Number/14155550100/", api => api.NumberPool(PoolUuid).Numbers.AddAsync("14155550100")),
        ("number buy-and-add", $"{ValidPoolPath}Number/14155550100/", api => api.NumberPool(PoolUuid).Numbers.BuyAndAddAsync("14155550100")),
        ("toll-free add", NumberPath, api => api.NumberPool(PoolUuid).Tollfree.AddAsync(Number)),
    };

    /// <summary>Every call of the family that reads or removes (GET and DELETE), and its path.</summary>
    private static readonly (string Name, string Method, string Path, Func<PlivoApi, Task> Call)[] FamilyIdempotent =
    {
        ("Powerpack list", "GET", $"{Account}Powerpack/", api => api.Powerpacks.ListAsync()),
        ("Powerpack delete", "DELETE", $"{Account}Powerpack/{PowerpackUuid}/", api => api.Powerpacks.Wrap(new PowerpackResource { Uuid = PowerpackUuid, Name = "m" }).DeleteAsync()),
        ("numbers list", "GET", $"{ValidPoolPath}Number/", api => api.NumberPool(PoolUuid).Numbers.ListAsync()),
        ("number remove", "DELETE", $"{ValidPoolPath}Number/14155550100/", api => api.NumberPool(PoolUuid).Numbers.RemoveAsync("14155550100", unrent: true)),
        ("shortcode find", "GET", $"{ValidPoolPath}Shortcode/444444/", api => api.NumberPool(PoolUuid).Shortcodes.FindAsync("444444")),
        ("shortcode remove", "DELETE", $"{ValidPoolPath}Shortcode/444444/", api => api.NumberPool(PoolUuid).Shortcodes.RemoveAsync("444444")),
        ("phone number search", "GET", $"{Account}PhoneNumber/", api => api.NumberPool(PoolUuid).Numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US"))),
    };

    private static System.Collections.Generic.IEnumerable<TestCaseData> FamilyPostCases() =>
        FamilyPosts.Select(c => new TestCaseData(c.Path, c.Call).SetArgDisplayNames(c.Name));

    private static System.Collections.Generic.IEnumerable<TestCaseData> FamilyIdempotentCases() =>
        FamilyIdempotent.Select(c => new TestCaseData(c.Method, c.Path, c.Call).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(FamilyPostCases))]
    public async Task Every_family_POST_answered_500_is_sent_exactly_once(string path, Func<PlivoApi, Task> call)
    {
        AnswerInTurn("POST", path, Status(500));

        var e = await Fails(() => call(Api));

        Assert.That(e.StatusCode, Is.EqualTo(500));
        Assert.That(Received.Count(r => r.RequestMessage!.Method == "POST"), Is.EqualTo(1), "Plivo may have acted: a create, update or add is not repeated");
    }

    [TestCaseSource(nameof(FamilyIdempotentCases))]
    public async Task Every_family_GET_and_DELETE_answered_503_is_tried_1_plus_MaxRetries_times(string method, string path, Func<PlivoApi, Task> call)
    {
        AnswerInTurn(method, path, Status(503));

        var e = await Fails(() => call(Api));

        Assert.That(e.StatusCode, Is.EqualTo(503));
        Assert.That(Received.Count(r => r.RequestMessage!.Method == method && r.RequestMessage.AbsolutePath == path), Is.EqualTo(4));
    }

    [Test]
    public async Task An_add_answered_429_is_retried_with_an_identical_request()
    {
        AnswerInTurn("POST", NumberPath, Status(429).WithHeader("Retry-After", "0"), Status(200, AddExample));

        var added = await Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number, NumberService.Mms);

        Assert.That(added.Number, Is.EqualTo(Number));
        Assert.That(Received, Has.Length.EqualTo(2));
        string Describe(WireMock.IRequestMessage r) =>
            $"{r.Method} {r.Url}\n{string.Join("\n", r.Headers!.OrderBy(h => h.Key).Select(h => h.Key + ": " + string.Join(",", h.Value)))}\n\n{r.Body}";
        Assert.That(Describe(Received[1].RequestMessage!), Is.EqualTo(Describe(Received[0].RequestMessage!)));
        Assert.That(Received[1].RequestMessage!.Body, Does.Contain("\"mms\""));
    }

    [Test]
    public async Task Over_a_caller_owned_HttpClient_a_429_add_is_retried_through_the_callers_handlers_with_an_identical_request()
    {
        AnswerInTurn("POST", NumberPath, Status(429).WithHeader("Retry-After", "0"), Status(200, AddExample));
        var seen = new SeeingHandler(new HttpClientHandler());
        using var callerClient = new HttpClient(seen);
        using var api = new PlivoApi(AuthId, AuthToken, callerClient, new PlivoClientOptions { BaseUrl = BaseUrl, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var added = await api.NumberPool(PoolUuid).Tollfree.AddAsync(Number, NumberService.Mms);

        Assert.That(added.Number, Is.EqualTo(Number));
        Assert.That(seen.Bodies, Has.Count.EqualTo(2), "both attempts went through the caller's handler");
        Assert.That(seen.Bodies[1], Is.EqualTo(seen.Bodies[0]).And.Contains("\"mms\""));
        Assert.That(Received, Has.Length.EqualTo(2));

        // Every header the same, except the one the caller's handler adds per attempt, which is that attempt's alone.
        string Describe(WireMock.IRequestMessage r) =>
            $"{r.Method} {r.Url}\n{string.Join("\n", r.Headers!.Where(h => h.Key != "X-Attempt").OrderBy(h => h.Key).Select(h => h.Key + ": " + string.Join(",", h.Value)))}\n\n{r.Body}";
        Assert.That(Describe(Received[1].RequestMessage!), Is.EqualTo(Describe(Received[0].RequestMessage!)));
        Assert.That(Received.Select(r => string.Join(",", r.RequestMessage!.Headers!["X-Attempt"])), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task A_generated_client_built_directly_retries_as_PlivoApi_does()
    {
        AnswerInTurn("GET", NumberPath, Status(503), Status(200, AddExample));
        using var httpClient = new HttpClient();
        using var pipeline = new PlivoPipeline(
            new PlivoCredentials(AuthId, AuthToken), new PlivoClientOptions { BaseUrl = BaseUrl, RetryDelay = TimeSpan.FromMilliseconds(1) }, httpClient);
        var client = new TollfreeClient(pipeline);

        var found = await client.FindAsync(Guid.Parse(PoolUuid), Number);

        Assert.That(found.Number, Is.EqualTo(Number));
        Assert.That(Received, Has.Length.EqualTo(2));
    }

    [Test]
    public async Task A_retryable_answer_that_arrives_after_the_deadline_is_disposed_and_the_call_times_out()
    {
        // A transport that ignores cancellation and answers 503 after the overall deadline has passed.
        var late = new LateAnswer();
        using var http = new HttpClient(late);
        using var api = new PlivoApi(AuthId, AuthToken, http, new PlivoClientOptions { BaseUrl = BaseUrl, Timeout = TimeSpan.FromMilliseconds(200) });

        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("timed out"));
        Assert.That(late.Sent, Is.EqualTo(1));
        Assert.That(late.AnswerDisposed, Is.True, "the 503 was not handed on, so it must have been disposed");
    }

    private sealed class LateAnswer : HttpMessageHandler
    {
        private readonly TrackedContent _content = new();

        public int Sent { get; private set; }

        public bool AnswerDisposed => _content.Disposed;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            await Task.Delay(400, CancellationToken.None);
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = _content };
        }

        private sealed class TrackedContent : ByteArrayContent
        {
            public TrackedContent()
                : base(System.Text.Encoding.UTF8.GetBytes(Error503))
            {
            }

            public bool Disposed { get; private set; }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }

    /// <summary>Records the body of every request that passes, as the caller's handlers would see it, and numbers the attempts in a header.</summary>
    private sealed class SeeingHandler : DelegatingHandler
    {
        public SeeingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        public System.Collections.Generic.List<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));

            // As a correlation or tracing handler does: Add, which appends to a header already there.
            request.Headers.Add("X-Attempt", Bodies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return await base.SendAsync(request, cancellationToken);
        }
    }

    [Test]
    public async Task Retry_After_in_seconds_is_honoured_over_the_backoff()
    {
        AnswerInTurn("GET", NumberPath, Status(429).WithHeader("Retry-After", "1"), Status(200, AddExample));
        // A backoff of 20 s would blow the 10 s deadline: only Retry-After can make this pass.
        using var api = CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromSeconds(10) });

        var clock = Stopwatch.StartNew();
        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);
        clock.Stop();

        Assert.That(Received, Has.Length.EqualTo(2));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R");
        AnswerInTurn("GET", NumberPath, Status(503).WithHeader("Retry-After", at), Status(200, AddExample));
        using var api = CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromSeconds(10) });

        var clock = Stopwatch.StartNew();
        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(Received, Has.Length.EqualTo(2));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500)).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Retry_After_is_capped_by_MaxRetryAfter()
    {
        using var response = new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));

        Assert.That(RetryAfter.Delay(response, TimeSpan.FromSeconds(60)), Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(RetryAfter.Delay(null, TimeSpan.FromSeconds(60)), Is.Null);
    }

    [Test]
    public async Task Three_retries_wait_as_Pollys_exponential_backoff_with_jitter_says()
    {
        // Polly's decorrelated jitter: after n retries the waits add up to between ~0.7 x 2^n x tanh(...) and 1.4 x 2^(n+1)
        // x RetryDelay; for three retries 2.84 to 5.71 x RetryDelay.
        AnswerInTurn("GET", NumberPath, Status(503), Status(503), Status(503), Status(200, AddExample));
        using var api = CreateApi(new PlivoClientOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(200) });

        var clock = Stopwatch.StartNew();
        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(Received, Has.Length.EqualTo(4));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2.84 * 200 - 20)).And.LessThan(TimeSpan.FromMilliseconds(5.71 * 200 + 1500)));
    }

    [Test]
    public async Task MaxRetryDelay_caps_every_wait()
    {
        // Uncapped, three retries with a 2 s base would wait at least 5.7 s.
        AnswerInTurn("GET", NumberPath, Status(503), Status(503), Status(503), Status(200, AddExample));
        using var api = CreateApi(new PlivoClientOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromMilliseconds(100) });

        var clock = Stopwatch.StartNew();
        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        Assert.That(Received, Has.Length.EqualTo(4));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(3 * 100 + 1500)));
    }

    [Test]
    public async Task MaxRetries_0_turns_retries_off()
    {
        AnswerInTurn("GET", NumberPath, Status(503), Status(200, AddExample));
        using var api = CreateApi(new PlivoClientOptions { MaxRetries = 0 });

        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(503));
        Assert.That(Received, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_slow_get_is_retried_after_each_attempt_timeout_and_then_reported()
    {
        using var silent = RawTcpServer.Hanging();
        using var api = new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = silent.BaseUrl, AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain("timed out").And.Contain("AttemptTimeout").And.Contain("3 attempts"));
        Assert.That(silent.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_body_that_stalls_after_the_headers_is_a_timed_out_attempt_and_a_get_is_retried()
    {
        using var stalling = RawTcpServer.StallingBody();
        using var api = new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = stalling.BaseUrl, AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var clock = Stopwatch.StartNew();
        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("timed out").And.Contain("AttemptTimeout").And.Contain("2 attempts"));
        Assert.That(stalling.Requests, Is.EqualTo(2));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "each attempt ended at its timeout, not at the 2-minute deadline");
    }

    [Test]
    public async Task A_stalled_body_read_ends_when_the_attempt_is_cancelled()
    {
        // The body is read with the attempt's token on every framework (LoadIntoBufferAsync takes none before .NET 9).
        using var stalling = RawTcpServer.StallingBody();
        using var http = new HttpClient();
        using var response = await http.GetAsync(stalling.BaseUrl, HttpCompletionOption.ResponseHeadersRead);
        using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var buffering = BoundedBody.BufferAsync(response, PlivoClientOptions.DefaultMaxResponseSize, attempt.Token);
        var first = await Task.WhenAny(buffering, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.That(first, Is.SameAs(buffering), "the read ended");
        Assert.That(() => buffering, Throws.InstanceOf<OperationCanceledException>());
        // Disposing the content instead ends the read only after the connection's 2 s drain timeout.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(1500)), "the read ended when the attempt was cancelled");
    }

    [Test]
    public async Task A_body_read_in_time_is_kept_whole_with_its_headers()
    {
        AnswerInTurn("GET", NumberPath, Status(200, AddExample).WithHeader("X-Kept", "yes"));
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(BaseUrl, NumberPath.Substring("/v1/".Length)), HttpCompletionOption.ResponseHeadersRead);
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await BoundedBody.BufferAsync(response, PlivoClientOptions.DefaultMaxResponseSize, attempt.Token);
        attempt.Cancel(); // after buffering: the body stays readable

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(AddExample));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(AddExample)));
        Assert.That(response.Headers.GetValues("X-Kept"), Is.EqualTo(new[] { "yes" }));
    }

    [Test]
    public async Task A_slow_add_is_not_retried_after_its_attempt_timeout()
    {
        using var silent = RawTcpServer.Hanging();
        using var api = new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = silent.BaseUrl, AttemptTimeout = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromMilliseconds(1) });

        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.AddAsync(Number));

        Assert.That(e.Message, Does.Contain("timed out").And.Contain("1 attempt"));
        await Task.Delay(300);
        Assert.That(silent.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task The_overall_deadline_ends_the_call_even_while_it_waits_to_retry()
    {
        AnswerInTurn("GET", NumberPath, Status(503).WithHeader("Retry-After", "5"));
        using var api = CreateApi(new PlivoClientOptions { Timeout = TimeSpan.FromMilliseconds(700) });

        var clock = Stopwatch.StartNew();
        var e = await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(0));
        Assert.That(e.Message, Does.Contain("timed out after 0.7 s (PlivoClientOptions.Timeout); 1 attempt"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(Received, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_during_the_backoff_stops_promptly_and_sends_nothing_more()
    {
        AnswerInTurn("GET", NumberPath, Status(503).WithHeader("Retry-After", "10"), Status(200, AddExample));
        using var cancel = new CancellationTokenSource();
        var call = Api.NumberPool(PoolUuid).Tollfree.FindAsync(Number, cancel.Token);
        while (Server.LogEntries.Count() == 0)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100); // now inside the 10 s wait
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        Assert.CatchAsync<OperationCanceledException>(async () => await call);
        clock.Stop();

        await Task.Delay(200);
        Assert.That(Received, Has.Length.EqualTo(1), "no attempt after cancellation");
        // The contract is 100 ms; the bound leaves room for a loaded CI machine. Typical figure: a few ms.
        TestContext.Out.WriteLine($"cancellation took {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    public async Task Each_attempt_is_logged_once_with_method_path_status_duration_and_number_and_never_the_credentials()
    {
        AnswerInTurn("GET", NumberPath, Status(503), Status(503), Status(200, AddExample));
        var logger = new ListLogger();
        using var api = CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1), Logger = logger });

        await api.NumberPool(PoolUuid).Tollfree.FindAsync(Number);

        var lines = logger.Lines.ToArray();
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[]
        {
            $"Plivo GET {NumberPath} answered 503 in",
            $"Plivo GET {NumberPath} answered 503 in",
            $"Plivo GET {NumberPath} answered 200 in",
        }).Using<string, string>((actual, prefix) => actual.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.That(lines.Select(l => l.Text), Has.Exactly(1).EndsWith("(attempt 1)").And.Exactly(1).EndsWith("(attempt 3)"));
        Assert.That(lines.Select(l => l.Text), Has.All.Match(@" in \d+\.\d ms \(attempt \d\)$"));
        Assert.That(lines.Select(l => l.Level), Is.EqualTo(new[] { LogLevel.Warning, LogLevel.Warning, LogLevel.Information }));
        var secrets = new[] { AuthToken, ExpectedAuthorization.Substring(6), "Authorization" };
        Assert.That(lines.Select(l => l.Text), Has.None.Matches<string>(t => secrets.Any(t.Contains)));
    }

    [Test]
    public async Task A_failed_attempt_is_logged_with_what_failed()
    {
        using var dropping = RawTcpServer.Dropping();
        var logger = new ListLogger();
        using var api = new PlivoApi(AuthId, AuthToken, new PlivoClientOptions { BaseUrl = dropping.BaseUrl, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1), Logger = logger });

        await Fails(() => api.NumberPool(PoolUuid).Tollfree.FindAsync(Number));

        Assert.That(logger.Lines.Select(l => l.Text).ToArray(), Has.Length.EqualTo(2).And.All.StartsWith($"Plivo GET {NumberPath} failed (HttpRequestException"));
        // .NET's SocketsHttpHandler itself re-sends a request whose connection closed before any byte of an answer
        // (it takes that for a stale pooled connection), so the peer sees more arrivals than our two attempts.
        Assert.That(dropping.Requests, Is.GreaterThanOrEqualTo(2));
    }

    [TestCase(true, LogLevel.Trace, true)]
    [TestCase(false, LogLevel.Trace, false)]
    [TestCase(true, LogLevel.Debug, false)]
    public async Task Bodies_are_logged_only_at_Trace_and_only_when_asked(bool logBodies, LogLevel minimum, bool expectBodies)
    {
        AnswerInTurn("POST", NumberPath, Status(200, AddExample));
        var logger = new ListLogger { MinimumLevel = minimum };
        using var api = CreateApi(new PlivoClientOptions { Logger = logger, LogBodies = logBodies });

        await api.NumberPool(PoolUuid).Tollfree.AddAsync(Number);

        var bodyLines = logger.Lines.Where(l => l.Text.Contains("request body")).ToArray();
        Assert.That(bodyLines, expectBodies ? Has.Length.EqualTo(1) : Is.Empty);
        if (expectBodies)
        {
            Assert.That(bodyLines[0].Level, Is.EqualTo(LogLevel.Trace));
            Assert.That(bodyLines[0].Text, Does.Contain("{\"rent\":false}").And.Contain("\"country_iso2\""));
        }

        Assert.That(logger.Lines.Select(l => l.Text), Has.None.Contains(AuthToken));
    }
}
