using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Plivo.Generated;

/// <summary>
/// The names this library's traces and metrics go by, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>:
/// <c>builder.Services.AddOpenTelemetry().WithTracing(t =&gt; t.AddSource(PlivoTelemetry.ActivitySourceName))
/// .WithMetrics(m =&gt; m.AddMeter(PlivoTelemetry.MeterName))</c>. docs/observability.md lists every span attribute and
/// metric. Nothing is recorded, and nothing is allocated for it, while nobody listens.
/// </summary>
public static class PlivoTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: one <see cref="ActivityKind.Client"/> span per call, named by the spec's operationId (<c>Tollfree_Add</c>).</summary>
    public const string ActivitySourceName = "Plivo.Generated";

    /// <summary>The <see cref="Meter"/> name: <see cref="CallDurationName"/> and <see cref="RetriesName"/>.</summary>
    public const string MeterName = "Plivo.Generated";

    /// <summary>A histogram of each call's duration in seconds, retries included; tags <c>plivo.operation</c>, <c>http.response.status_code</c>, <c>error.type</c>.</summary>
    public const string CallDurationName = "plivo.client.call.duration";

    /// <summary>A counter of retries; tags <c>plivo.operation</c> and <c>plivo.retry.reason</c> (the status, or the failure's type).</summary>
    public const string RetriesName = "plivo.client.retries";

    private static readonly string Version = typeof(PlivoTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    internal static readonly Meter Meter = new(MeterName, Version);

#if NET9_0_OR_GREATER
    // OpenTelemetry's buckets for HTTP client durations, in seconds (its default ones are for milliseconds).
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(CallDurationName, "s", "How long a Plivo call took, retries included.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120 } });
#else
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(CallDurationName, "s", "How long a Plivo call took, retries included.");
#endif

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(RetriesName, "{retry}", "How often a Plivo call was tried again.");
}
