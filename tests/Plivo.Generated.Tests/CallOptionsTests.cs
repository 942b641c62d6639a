using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// Per-call options (<see cref="PlivoApi.With(PlivoCallOptions)"/>): a timeout, retries and headers for some calls, over
/// the same connection pool, honoured there and never leaking into the calls of the API they came from.
/// </summary>
[TestFixture]
public sealed class CallOptionsTests
{
    private PlivoSandbox _sandbox = null!;
    private SandboxPowerpack _seeded = null!;
    private PlivoApi _api = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start();
        _seeded = _sandbox.AddPowerpack("options", tollfreeNumbers: new[] { "18005550100" });
        _api = _sandbox.CreateApi(new PlivoClientOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(1) });
    }

    [TearDown]
    public void Stop()
    {
        _api.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public void No_retries_for_one_call_and_the_usual_retries_for_the_next()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503 });

        var once = Assert.CatchAsync<PlivoRestException>(() => _api.With(o => o.MaxRetries = 0).NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100"));
        var afterOnce = _sandbox.Requests.Count;
        var usual = Assert.CatchAsync<PlivoRestException>(() => _api.NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100"));

        Assert.That(once!.StatusCode, Is.EqualTo(503));
        Assert.That(afterOnce, Is.EqualTo(1), "one attempt with MaxRetries = 0");
        Assert.That(_sandbox.Requests.Count - afterOnce, Is.EqualTo(4), "the API it came from still retries 3 times");
        Assert.That(usual!.StatusCode, Is.EqualTo(503));
    }

    [Test]
    public void A_shorter_timeout_for_one_call()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_List", DelayMs = 800, Times = 1 });
        var quick = _api.With(new PlivoCallOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });

        var e = Assert.CatchAsync<PlivoRestException>(() => quick.NumberPool(_seeded.NumberPoolUuid).Tollfree.ListAsync());

        Assert.That(e!.Message, Does.Contain("timed out after 0.2 s (PlivoClientOptions.Timeout)"), "the per-call deadline fired, not the API's 2 minutes");
    }

    [Test]
    public async Task Extra_headers_reach_Plivo_on_the_calls_they_were_given_for_only()
    {
        var tagged = _api.With(o => o.Headers["X-Correlation-Id"] = "order-42");

        await tagged.Powerpacks.GetAsync(_seeded.Uuid);
        await tagged.GetClient<ITollfreeClient>().FindAsync(Guid.Parse(_seeded.NumberPoolUuid), "18005550100");
        await _api.Powerpacks.GetAsync(_seeded.Uuid);

        var headers = _sandbox.Requests.Select(r => r.Headers.TryGetValue("X-Correlation-Id", out var value) ? value : null).ToList();
        Assert.That(headers, Is.EqualTo(new[] { "order-42", "order-42", null }));
        Assert.That(_sandbox.Requests.Select(r => r.Headers["Authorization"]).Distinct().Count(), Is.EqualTo(1), "the same credentials");
    }

    [TestCase("Authorization")]
    [TestCase("host")]
    [TestCase("Content-Type")]
    public void A_header_the_library_sets_is_refused_naming_it(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => _api.With(o => o.Headers[name] = "x"));

        Assert.That(e!.Message, Does.Contain($"'{name}'"));
    }

    [Test]
    public void An_option_out_of_range_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _api.With(o => o.MaxRetries = -1));
        var header = Assert.Throws<ArgumentException>(() => _api.With(o => o.Headers["X-A"] = "one\r\nX-B: two"));

        Assert.That(e!.ParamName, Is.EqualTo("MaxRetries"));
        Assert.That(header!.Message, Does.Contain("spans lines"));
    }

    [Test]
    public async Task A_view_shares_the_pool_disposing_it_frees_nothing_and_disposing_the_API_ends_it()
    {
        var view = _api.With(o => o.MaxRetries = 0);

        view.Dispose();
        var stillWorks = await _api.Powerpacks.GetAsync(_seeded.Uuid);
        var viewWorks = await view.Powerpacks.GetAsync(_seeded.Uuid);
        _api.Dispose();

        Assert.That(stillWorks.Name, Is.EqualTo("options"));
        Assert.That(viewWorks.Name, Is.EqualTo("options"));
        Assert.CatchAsync<ObjectDisposedException>(() => view.Powerpacks.GetAsync(_seeded.Uuid));
    }

    [Test]
    public async Task Objects_a_view_returns_keep_its_options()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503 });
        var powerpack = await _api.With(o => o.MaxRetries = 0).Powerpacks.GetAsync(_seeded.Uuid);
        _sandbox.ClearRequests();

        Assert.CatchAsync<PlivoRestException>(() => powerpack.FindTollfreeAsync("18005550100"));

        Assert.That(_sandbox.Requests, Has.Count.EqualTo(1));
    }
}
