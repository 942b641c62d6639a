using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// Fault injection as a user's test would use it: what our client sees for each kind of fault (a status, a closed
/// connection, a delay, a 429 with Retry-After, a raw body), how <c>times</c>, <c>probability</c> and matching by method
/// and path behave.
/// </summary>
[TestFixture]
public sealed class SandboxFaultTests
{
    private PlivoSandbox _sandbox = null!;
    private SandboxPowerpack _seeded = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start();
        _seeded = _sandbox.AddPowerpack("faults", tollfreeNumbers: new[] { "18005550100" });
    }

    [TearDown]
    public void Stop() => _sandbox.Dispose();

    [Test]
    public async Task A_503_on_the_add_once_reaches_the_caller_and_the_next_add_works()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Add", Status = 503, Times = 1 });
        using var api = Api();
        var pool = api.NumberPool(_seeded.NumberPoolUuid).Tollfree;

        var e = Assert.CatchAsync<PlivoRestException>(() => pool.AddAsync("18772209942"));
        var added = await pool.AddAsync("18772209942");

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(503));
            Assert.That(e.Error, Does.Contain("fault injected by the sandbox"));
            Assert.That(added.Number, Is.EqualTo("18772209942"));
            Assert.That(_sandbox.Faults, Is.Empty, "spent");
            Assert.That(_sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 200 }), "the add was not retried after a 503");
        });
    }

    [Test]
    public async Task A_get_answered_503_twice_is_retried_to_success()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503, Times = 2 });
        using var api = Api();

        var found = await api.NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100");

        Assert.That(found.Number, Is.EqualTo("18005550100"));
        Assert.That(_sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 503, 200 }));
    }

    [Test]
    public void A_closed_connection_is_a_PlivoRestException_with_no_status()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Powerpack_Get", Close = true });
        using var api = Api(maxRetries: 0);

        var e = Assert.CatchAsync<PlivoRestException>(() => api.Powerpacks.GetAsync(_seeded.Uuid));

        Assert.That(e!.StatusCode, Is.Zero, e.Message);
        Assert.That(_sandbox.Requests.Single().StatusCode, Is.Zero, "logged as not answered");
    }

    [Test]
    public void A_delay_beyond_the_attempt_timeout_is_a_timeout()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_List", DelayMs = 5_000 });
        using var api = _sandbox.CreateApi(new PlivoClientOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        var e = Assert.CatchAsync<PlivoRestException>(() => api.NumberPool(_seeded.NumberPoolUuid).Tollfree.ListAsync());

        Assert.That(e!.Message, Does.Contain("timed out"));
    }

    [Test]
    public async Task A_delay_alone_delays_the_real_answer()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_List", DelayMs = 300, Times = 1 });
        using var api = Api();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var page = await api.NumberPool(_seeded.NumberPoolUuid).Tollfree.ListAsync();

        Assert.That(page.Objects!.Select(n => n.Number), Is.EqualTo(new[] { "18005550100" }));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
    }

    [Test]
    public async Task A_429_with_retry_after_is_waited_for_and_retried()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Add", Status = 429, RetryAfter = 1, Times = 1 });
        using var api = Api();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var added = await api.NumberPool(_seeded.NumberPoolUuid).Tollfree.AddAsync("18772209942");

        Assert.That(added.Number, Is.EqualTo("18772209942"));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "Retry-After: 1 was honoured");
        Assert.That(_sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 429, 200 }));
    }

    [Test]
    public void A_raw_body_such_as_a_proxys_HTML_page_is_a_PlivoRestException_quoting_it()
    {
        _sandbox.InjectFault(new SandboxFault { Method = "GET", Path = "/Powerpack/*/", Status = 502, Body = "<html><body>Bad Gateway</body></html>", ContentType = "text/html" });
        using var api = Api(maxRetries: 0);

        var e = Assert.CatchAsync<PlivoRestException>(() => api.Powerpacks.GetAsync(_seeded.Uuid));

        Assert.That(e!.StatusCode, Is.EqualTo(502));
        Assert.That(e.Message, Does.Contain("Bad Gateway"));
    }

    [Test]
    public async Task Method_and_path_with_wildcards_match_only_that_method_and_shape()
    {
        _sandbox.InjectFault(new SandboxFault { Method = "DELETE", Path = "/NumberPool/*/Tollfree/*/", Status = 500 });
        using var api = Api(maxRetries: 0);
        var pool = api.NumberPool(_seeded.NumberPoolUuid).Tollfree;

        var found = await pool.FindAsync("18005550100");
        var e = Assert.CatchAsync<PlivoRestException>(() => pool.RemoveAsync("18005550100"));
        var whole = _sandbox.InjectFault(new SandboxFault { Path = $"/v1/Account/{_sandbox.AuthId}/Powerpack/{_seeded.Uuid}/", Status = 418 });
        var teapot = Assert.CatchAsync<PlivoRestException>(() => api.Powerpacks.GetAsync(_seeded.Uuid));

        Assert.That(found.Number, Is.EqualTo("18005550100"));
        Assert.That(e!.StatusCode, Is.EqualTo(500));
        Assert.That(teapot!.StatusCode, Is.EqualTo(418), $"the whole path matches too ({whole})");
        Assert.That(_sandbox.NumbersIn(_seeded.NumberPoolUuid), Is.EqualTo(new[] { "18005550100" }), "the faulted remove did nothing");
    }

    [Test]
    public async Task A_fault_with_a_probability_fires_on_about_that_share_of_requests()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 500, Probability = 0.5 });
        using var api = Api(maxRetries: 0);
        var pool = api.NumberPool(_seeded.NumberPoolUuid).Tollfree;

        for (var i = 0; i < 200; i++)
        {
            try
            {
                await pool.FindAsync("18005550100");
            }
            catch (PlivoRestException e) when (e.StatusCode == 500)
            {
            }
        }

        var faulted = _sandbox.Requests.Count(r => r.StatusCode == 500);
        Assert.That(faulted, Is.InRange(60, 140), "binomial(200, 0.5): outside 60..140 is more than 8 standard deviations away");
    }

    private PlivoApi Api(int maxRetries = 3) =>
        _sandbox.CreateApi(new PlivoClientOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1) });
}
