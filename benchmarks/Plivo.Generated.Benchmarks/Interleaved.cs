using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// Latency, CPU and allocations per call of each <see cref="Scenario"/>, paired: short blocks of sequential calls that
/// alternate between the three sides, the order rotating every round. On a shared machine the load drifts by more than
/// the 5% the goals are about; each round's ratio ours/baseline compares blocks a few milliseconds apart, so the drift
/// mostly cancels, and the median over the rounds is reported with its interquartile range.
/// </summary>
/// <remarks>
/// Each block also reads this process's CPU time (<see cref="Environment.CpuUsage"/>, all threads: the client, the
/// runtime's socket and thread-pool threads, the GC) and the bytes allocated by all its threads
/// (<see cref="GC.GetTotalAllocatedBytes"/>, precise). The server runs in another process, so both are the client's own.
/// </remarks>
public static class Interleaved
{
    /// <summary>How long one block of calls should take: long enough to time, short enough to stay paired.</summary>
    private static readonly TimeSpan BlockTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>After the warm-up of all scenarios, each scenario's own short one (its connections, caches) before its rounds.</summary>
    private static readonly TimeSpan ScenarioWarmUp = TimeSpan.FromSeconds(1);

    public readonly record struct Spread(double Median, double LowQuartile, double HighQuartile)
    {
        public static Spread Of(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return new Spread(Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75));
        }
    }

    /// <summary>One side's medians over the rounds, per call.</summary>
    public sealed record PerCall(double Nanoseconds, double CpuNanoseconds, double Bytes);

    /// <summary>One of our sides against the baseline in one scenario.</summary>
    public sealed record Result(string Scenario, string Title, string Side, int Rounds, int CallsPerBlock,
        Spread Time, Spread Cpu, double AllocRatio, PerCall Ours, PerCall Baseline, double ServerCpuMicrosecondsPerRequest);

    private readonly record struct Block(double Nanoseconds, double CpuNanoseconds, double Bytes);

    /// <param name="warmUp">
    /// How long every scenario and side are called in turn before the first is measured. Tiered JIT with PGO promotes a
    /// method only after 100 ms without new tier-0 code, and the scenarios share most of the HTTP stack: with a warm-up
    /// per scenario only, the first one measured (the add) was still being compiled (1.29x after 3 s, 1.19x after 12 s).
    /// </param>
    public static async Task<IReadOnlyList<Result>> MeasureAsync(StubServerProcess server, int rounds, TimeSpan warmUp, TextWriter log)
    {
        using var sides = new Sides(server.BaseUrl);
        var scenarios = Scenario.All(sides);
        foreach (var scenario in scenarios)
        {
            await scenario.CheckAsync().ConfigureAwait(false);
        }

        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < warmUp)
        {
            foreach (var call in scenarios.SelectMany(s => s.Calls))
            {
                await BlockAsync(call, 50).ConfigureAwait(false);
            }
        }

        var results = new List<Result>();
        foreach (var scenario in scenarios)
        {
            results.AddRange(await MeasureAsync(scenario, server, rounds, log).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<IEnumerable<Result>> MeasureAsync(Scenario scenario, StubServerProcess server, int rounds, TextWriter log)
    {
        var calls = scenario.Calls;
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < ScenarioWarmUp)
        {
            foreach (var call in calls)
            {
                await BlockAsync(call, 50).ConfigureAwait(false);
            }
        }

        // The block size from the baseline's median of a few blocks: one slow block (a busy moment) must not set it.
        var estimates = new double[5];
        for (var i = 0; i < estimates.Length; i++)
        {
            estimates[i] = (await BlockAsync(calls[0], 100).ConfigureAwait(false)).Nanoseconds;
        }

        var callsPerBlock = Math.Max(20, (int)(BlockTarget.TotalNanoseconds / Spread.Of(estimates).Median));

        var blocks = calls.Select(_ => new Block[rounds]).ToArray();
        var serverBefore = await server.GetStatsAsync().ConfigureAwait(false);
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < calls.Count; k++)
            {
                var side = (r + k) % calls.Count;
                blocks[side][r] = await BlockAsync(calls[side], callsPerBlock).ConfigureAwait(false);
            }
        }

        var serverCost = (await server.GetStatsAsync().ConfigureAwait(false)) - serverBefore;

        var baseline = blocks[0];
        var baselinePerCall = Medians(baseline);
        var results = new List<Result>();
        for (var side = 1; side < calls.Count; side++)
        {
            var ours = blocks[side];
            var oursPerCall = Medians(ours);
            var result = new Result(scenario.Name, scenario.Title, Sides.Names[side], rounds, callsPerBlock,
                Spread.Of(ours.Zip(baseline, (o, b) => o.Nanoseconds / b.Nanoseconds)),
                Spread.Of(ours.Zip(baseline, (o, b) => o.CpuNanoseconds / b.CpuNanoseconds)),
                oursPerCall.Bytes / baselinePerCall.Bytes,
                oursPerCall, baselinePerCall, serverCost.CpuMicrosecondsPerRequest);
            log.WriteLine($"  {scenario.Name} {result.Side}: time {result.Time.Median:0.000}x (IQR {result.Time.LowQuartile:0.000}-{result.Time.HighQuartile:0.000}), " +
                $"CPU {result.Cpu.Median:0.000}x, alloc {result.AllocRatio:0.000}x; {oursPerCall.Nanoseconds / 1000:0.0} vs {baselinePerCall.Nanoseconds / 1000:0.0} µs, " +
                $"{oursPerCall.Bytes:0} vs {baselinePerCall.Bytes:0} B per call; {callsPerBlock} calls per block; server {serverCost.CpuMicrosecondsPerRequest:0.0} µs CPU per request");
            results.Add(result);
        }

        return results;
    }

    private static PerCall Medians(Block[] blocks) => new(
        Spread.Of(blocks.Select(b => b.Nanoseconds)).Median,
        Spread.Of(blocks.Select(b => b.CpuNanoseconds)).Median,
        Spread.Of(blocks.Select(b => b.Bytes)).Median);

    /// <summary>Wall time, CPU time and allocations per call over <paramref name="calls"/> sequential calls.</summary>
    private static async Task<Block> BlockAsync(Func<Task> call, int calls)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Block(elapsed.TotalNanoseconds / calls, cpu.TotalNanoseconds / calls, (double)allocated / calls);
    }

    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
