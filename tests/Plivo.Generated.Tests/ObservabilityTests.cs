using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Http;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// Traces and metrics as an OpenTelemetry exporter would see them (an <see cref="ActivityListener"/> and a
/// <see cref="MeterListener"/>): span names, kinds, attributes and parent/child links for a success, a retried 503, a
/// 404 and a timeout; the metrics' tags; no token, body, number or uuid in any name or tag.
/// </summary>
[TestFixture]
[NonParallelizable] // the listeners are process-wide
public sealed class ObservabilityTests
{
    private const string Number = "18772209942";
    private static readonly ActivitySource TestSource = new("Plivo.Generated.Tests");

    private readonly List<Activity> _activities = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;
    private PlivoSandbox _sandbox = null!;
    private SandboxPowerpack _seeded = null!;
    private PlivoApi _api = null!;

    [SetUp]
    public void Start()
    {
        _activities.Clear(); // NUnit runs every test on the same fixture instance
        _measurements.Clear();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is PlivoTelemetry.ActivitySourceName or "System.Net.Http" or "Plivo.Generated.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_activities)
                {
                    _activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PlivoTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();

        _sandbox = PlivoSandbox.Start();
        _seeded = _sandbox.AddPowerpack("otel", tollfreeNumbers: new[] { "18005550100" });
        _api = _sandbox.CreateApi(new PlivoClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) });
    }

    [TearDown]
    public void Stop()
    {
        _api.Dispose();
        _sandbox.Dispose();
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private TollfreeNumbers Tollfree => _api.NumberPool(_seeded.NumberPoolUuid).Tollfree;

    [Test]
    public async Task A_success_is_one_client_span_named_by_its_operation_with_the_HTTP_attributes_under_the_callers_span()
    {
        TollfreeNumber added;
        using (var parent = TestSource.StartActivity("test"))
        {
            added = await Tollfree.AddAsync(Number);
        }

        var span = Single(PlivoTelemetry.ActivitySourceName);
        var http = Single("System.Net.Http");
        var parentSpan = Single("Plivo.Generated.Tests");
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("Tollfree_Add"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Tag("http.request.method"), Is.EqualTo("POST"));
            Assert.That(span.Tag("server.address"), Is.EqualTo("127.0.0.1"));
            Assert.That(span.Tag("server.port"), Is.EqualTo(_sandbox.BaseUrl.Port));
            Assert.That(span.Tag("url.template"), Is.EqualTo("/v1/Account/{auth_id}/NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/"));
            Assert.That(span.Tag("http.response.status_code"), Is.EqualTo(200));
            Assert.That(span.Tag("plivo.api_id"), Is.EqualTo(added.ApiId).And.Not.Null);
            Assert.That(span.Tag("plivo.attempts"), Is.EqualTo(1));
            Assert.That(span.Tag("error.type"), Is.Null);
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(span.Events.Select(e => e.Name), Is.EqualTo(new[] { "plivo.attempt" }));
            Assert.That(span.ParentSpanId, Is.EqualTo(parentSpan.SpanId), "under the caller's span");
            Assert.That(http.ParentSpanId, Is.EqualTo(span.SpanId), ".NET's own HTTP span nests under ours");
        });
    }

    [Test]
    public async Task A_retried_503_shows_each_attempt_and_counts_the_retries()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503, Times = 2 });

        await Tollfree.FindAsync("18005550100");

        var span = Single(PlivoTelemetry.ActivitySourceName);
        var retries = _measurements.Where(m => m.Instrument == PlivoTelemetry.RetriesName).ToList();
        var durations = _measurements.Where(m => m.Instrument == PlivoTelemetry.CallDurationName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("Tollfree_Find"));
            Assert.That(span.Tag("plivo.attempts"), Is.EqualTo(3));
            Assert.That(span.Events.Select(e => e.Tags.Single(t => t.Key == "http.response.status_code").Value), Is.EqualTo(new object[] { 503, 503, 200 }));
            Assert.That(span.Events.Select(e => e.Tags.Single(t => t.Key == "plivo.attempt").Value), Is.EqualTo(new object[] { 1, 2, 3 }));
            Assert.That(_activities.Count(a => a.Source.Name == "System.Net.Http"), Is.EqualTo(3), "one HTTP span per attempt");
            Assert.That(_activities.Where(a => a.Source.Name == "System.Net.Http").Select(a => a.ParentSpanId), Has.All.EqualTo(span.SpanId));
            Assert.That(retries.Sum(r => r.Value), Is.EqualTo(2));
            Assert.That(retries.Select(r => (r.Tags["plivo.operation"], r.Tags["plivo.retry.reason"])), Has.All.EqualTo(("Tollfree_Find", (object)"503")));
            Assert.That(durations, Has.Count.EqualTo(1));
            Assert.That(durations[0].Tags["plivo.operation"], Is.EqualTo("Tollfree_Find"));
            Assert.That(durations[0].Tags["http.response.status_code"], Is.EqualTo(200));
            Assert.That(durations[0].Tags, Does.Not.ContainKey("error.type"), "a success has no error.type");
            Assert.That(durations[0].Value, Is.GreaterThan(0).And.LessThan(10));
        });
    }

    [Test]
    public void A_404_is_an_error_span_with_its_status_as_the_error_type()
    {
        var e = Assert.CatchAsync<PlivoRestException>(() => Tollfree.FindAsync("18005550199"));

        var span = Single(PlivoTelemetry.ActivitySourceName);
        var duration = _measurements.Single(m => m.Instrument == PlivoTelemetry.CallDurationName);
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.Tag("error.type"), Is.EqualTo("404"));
            Assert.That(span.Tag("http.response.status_code"), Is.EqualTo(404));
            Assert.That(span.Tag("plivo.api_id"), Is.EqualTo(e!.ApiId).And.Not.Null);
            Assert.That(duration.Tags["error.type"], Is.EqualTo("404"));
            Assert.That(duration.Tags["http.response.status_code"], Is.EqualTo(404));
        });
    }

    [Test]
    public void A_timeout_is_an_error_span_of_type_timeout_with_no_status()
    {
        _sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_List", DelayMs = 5_000 });
        using var api = _sandbox.CreateApi(new PlivoClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromMilliseconds(150) });

        Assert.CatchAsync<PlivoRestException>(() => api.NumberPool(_seeded.NumberPoolUuid).Tollfree.ListAsync());

        var span = Single(PlivoTelemetry.ActivitySourceName);
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("Tollfree_List"));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.Tag("error.type"), Is.EqualTo("timeout"));
            Assert.That(span.Tag("http.response.status_code"), Is.Null);
            Assert.That(span.Tag("plivo.attempts"), Is.EqualTo(2));
            Assert.That(span.Events.Select(e => e.Tags.Single(t => t.Key == "error.type").Value), Is.EqualTo(new object[] { "timeout", "timeout" }));
            Assert.That(_measurements.Single(m => m.Instrument == PlivoTelemetry.RetriesName).Tags["plivo.retry.reason"], Is.EqualTo("timeout"));
        });
    }

    [Test]
    public async Task No_token_body_number_or_uuid_appears_in_any_name_tag_or_event()
    {
        var powerpack = await _api.Powerpacks.GetAsync(_seeded.Uuid);
        await powerpack.AddTollfreeAsync(Number);
        await powerpack.NumberPool.Tollfree.RemoveAsync(Number, unrent: true);
        Assert.CatchAsync<PlivoRestException>(() => Tollfree.FindAsync("18005550199"));

        var texts = _activities.Where(a => a.Source.Name == PlivoTelemetry.ActivitySourceName)
            .SelectMany(a => new[] { a.DisplayName, a.OperationName, a.StatusDescription }
                .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))))
            .Concat(_measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument}:{t.Key}={t.Value}")))
            .Where(t => t is not null)
            .ToList();

        Assert.That(texts, Is.Not.Empty);
        foreach (var forbidden in new[] { _sandbox.AuthToken, _sandbox.AuthId, Number, "18005550199", _seeded.Uuid, _seeded.NumberPoolUuid, "unrent", "rent", "account_phone_number_resource", "not found" })
        {
            Assert.That(texts, Has.None.Contains(forbidden), forbidden);
        }
    }

    [Test]
    public async Task Every_operation_of_the_spec_is_named_from_its_path()
    {
        var operations = SpecOperations.Current;
        // The spec as Microsoft.OpenApi reads it: a parser independent of the NSwag document the client embeds.
        var document = Support.SpecFile.Parse(Support.SpecFile.ReadText()).Document!;
        var spec = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Id: o.Value.OperationId!, Method: o.Key.Method, Template: p.Key))).ToList();

        foreach (var (id, method, template) in spec)
        {
            var relative = template.Replace("{powerpack_uuid}", _seeded.Uuid).Replace("{number_pool_uuid}", _seeded.NumberPoolUuid)
                .Replace("{toll_free_number}", Number).Replace("{number}", "14155550100").Replace("{shortcode}", "444444").TrimStart('/');
            Assert.That(operations.Find(new HttpMethod(method), relative + "?limit=5")?.Id, Is.EqualTo(id), $"{method} {relative}");
        }

        Assert.That(spec, Has.Count.EqualTo(PlivoSandbox.ServedOperations.Count));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Nothing_is_recorded_while_nobody_listens()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
        var http = new List<Activity>();
        using var httpOnly = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (http) { http.Add(activity); } },
        };
        ActivitySource.AddActivityListener(httpOnly);

        await Tollfree.AddAsync(Number);

        // Someone listens to .NET's HTTP spans only: the add made no span of ours for them to nest under.
        Assert.That(http, Has.Count.EqualTo(1));
        Assert.That(http[0].Parent, Is.Null);
        Assert.That(http[0].ParentSpanId, Is.EqualTo(default(ActivitySpanId)));
        Assert.That(PlivoTelemetry.CallDuration.Enabled, Is.False);
    }

    private Activity Single(string source)
    {
        lock (_activities)
        {
            var matching = _activities.Where(a => a.Source.Name == source).ToList();
            Assert.That(matching, Has.Count.EqualTo(1), $"spans from {source}: {string.Join(", ", matching.Select(a => a.DisplayName))}");
            return matching[0];
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }
}

internal static class ActivityExtensions
{
    public static object? Tag(this Activity activity, string name) => activity.TagObjects.FirstOrDefault(t => t.Key == name).Value;
}
