using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// The raw answer (<see cref="PlivoApi.WithResponseAsync{T}"/>): status, headers, api_id and attempts next to the typed
/// result, for every call style (Version 1, Version 2, a generated client, a ListAll of several pages).
/// </summary>
[TestFixture]
public sealed class RawResponseTests
{
    private PlivoSandbox _sandbox = null!;
    private SandboxPowerpack _seeded = null!;
    private PlivoApi _api = null!;

    [SetUp]
    public void Start()
    {
        _sandbox = PlivoSandbox.Start();
        _seeded = _sandbox.AddPowerpack("raw", tollfreeNumbers: new[] { "18005550100", "18005550101", "18005550102" });
        _api = _sandbox.CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) });
    }

    [TearDown]
    public void Stop()
    {
        _api.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task Version_1_gives_the_model_and_the_answer()
    {
        var powerpack = await _api.Powerpacks.GetAsync(_seeded.Uuid);

        var added = await _api.WithResponseAsync(_ => powerpack.AddTollfreeAsync("18772209942"));

        Assert.Multiple(() =>
        {
            Assert.That(added.Value.Number, Is.EqualTo("18772209942"));
            Assert.That(added.StatusCode, Is.EqualTo(200));
            Assert.That(added.ApiId, Is.EqualTo(added.Value.ApiId).And.Not.Null);
            Assert.That(added.Response.OperationId, Is.EqualTo("Tollfree_Add"));
            Assert.That(added.Response.Method, Is.EqualTo("POST"));
            Assert.That(added.Response.Attempts, Is.EqualTo(1));
            Assert.That(added.Response.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(added.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Version_2_after_retries_shows_the_attempts()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503, Times = 2 });

        var found = await _api.WithResponseAsync(a => a.NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100"));

        Assert.That(found.Value.Number, Is.EqualTo("18005550100"));
        Assert.That(found.Response.Attempts, Is.EqualTo(3));
        Assert.That(found.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_generated_client_and_a_ListAll_of_several_pages_report_every_call()
    {
        var raw = await _api.WithResponseAsync(a => a.GetClient<IPowerpackClient>().GetAsync(Guid.Parse(_seeded.Uuid)));
        var all = await _api.WithResponseAsync(async a =>
        {
            var numbers = new System.Collections.Generic.List<string?>();
            await foreach (var number in a.NumberPool(_seeded.NumberPoolUuid).Tollfree.ListAllAsync(pageSize: 1))
            {
                numbers.Add(number.Number);
            }

            return numbers;
        });

        Assert.That(raw.Value.Name, Is.EqualTo("raw"));
        Assert.That(raw.Response.OperationId, Is.EqualTo("Powerpack_Get"));
        Assert.That(all.Value, Has.Count.EqualTo(3));
        Assert.That(all.Calls.Select(c => c.OperationId), Has.All.EqualTo("Tollfree_List"));
        Assert.That(all.Calls, Has.Count.EqualTo(3), "one per page");
        Assert.That(all.Calls.Select(c => c.ApiId).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_failure_is_the_same_PlivoRestException_and_nothing_is_captured_outside()
    {
        var e = Assert.CatchAsync<PlivoRestException>(() => _api.WithResponseAsync(a => a.NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550199")));
        var outside = await _api.NumberPool(_seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100");
        var nothing = await _api.WithResponseAsync(_ => Task.FromResult(1));

        Assert.That(e!.StatusCode, Is.EqualTo(404));
        Assert.That(outside.Number, Is.EqualTo("18005550100"));
        Assert.That(nothing.Calls, Is.Empty);
        Assert.Throws<InvalidOperationException>(() => _ = nothing.Response);
    }
}
