using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Plivo.Generated.Http;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// What traces and metrics cost per add (own pipeline, over the stub server): with the telemetry checks skipped
/// altogether (the reference), with nobody listening (what every user without OpenTelemetry runs), and with an
/// ActivityListener sampling everything plus a MeterListener taking every measurement (an exporter's load, minus its
/// export). Sequential adds in blocks, the three modes alternating each round; allocations are exact
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), times are medians over the rounds.
/// </summary>
public static class TelemetryCost
{
    public sealed record Mode(string Name, double BytesPerAdd, double MicrosecondsPerAdd);

    public static async Task<IReadOnlyList<Mode>> MeasureAsync(StubServerProcess server, int rounds, int addsPerBlock, TextWriter log)
    {
        using var api = new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, Sides.Options(server.BaseUrl));
        var tollfree = api.NumberPool(Fixtures.PoolUuid).Tollfree;
        var names = new[] { "telemetry checks skipped (reference)", "nobody listening", "ActivityListener + MeterListener" };
        var bytes = names.ToDictionary(n => n, _ => new List<double>());
        var times = names.ToDictionary(n => n, _ => new List<double>());

        for (var round = -3; round < rounds; round++)
        {
            foreach (var name in names)
            {
                using var listeners = name == names[2] ? Listeners.Start() : null;
                CallTelemetry.SkippedForBenchmarks = name == names[0];
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < addsPerBlock; i++)
                {
                    await tollfree.AddAsync(Fixtures.Number).ConfigureAwait(false);
                }

                watch.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                CallTelemetry.SkippedForBenchmarks = false;
                if (round >= 0)
                {
                    bytes[name].Add((double)allocated / addsPerBlock);
                    times[name].Add(watch.Elapsed.TotalMilliseconds * 1000 / addsPerBlock);
                }
            }
        }

        var result = names.Select(n => new Mode(n, Median(bytes[n]), Median(times[n]))).ToList();
        foreach (var mode in result)
        {
            log.WriteLine($"  telemetry: {mode.Name}: {mode.BytesPerAdd:0} B, {mode.MicrosecondsPerAdd:0.0} µs per add");
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    /// <summary>What an OpenTelemetry SDK installs: every activity of the source sampled and recorded, every instrument measured.</summary>
    private sealed class Listeners : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;

        private Listeners()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PlivoTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == PlivoTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
            _meters.Start();
        }

        public static Listeners Start() => new();

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }
    }
}
