using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// (b) and (c) again, paired: the loopback benchmarks' own methods (same clients, same Kestrel stub), timed in short
/// blocks of sequential calls that alternate between the sides, the order rotating every round. BenchmarkDotNet runs
/// all iterations of one side before the next, so on a shared machine a change of load between them moves the ratio by
/// more than the 5% the goal is about (docs/benchmarks.md); here each round's ratio compares blocks a few milliseconds
/// apart, and the median over the rounds is reported with its interquartile range.
/// </summary>
public static class Interleaved
{
    public sealed record Result(string Scenario, string Method, int Rounds, int CallsPerBlock, double MedianRatio, double LowQuartileRatio, double HighQuartileRatio, double MedianNsPerCall, double BaselineMedianNsPerCall);

    public static async Task<IReadOnlyList<Result>> MeasureAsync(int rounds, int callsPerBlock, TextWriter log)
    {
        var results = new List<Result>();

        var add = new AddLoopback();
        add.Setup();
        try
        {
            results.AddRange(await MeasureAsync(nameof(AddLoopback), rounds, callsPerBlock, log,
                (nameof(add.HandWritten), add.HandWritten),
                (nameof(add.ClientCallerOwnedHttpClient), add.ClientCallerOwnedHttpClient),
                (nameof(add.ClientOwnPipeline), add.ClientOwnPipeline)).ConfigureAwait(false));
        }
        finally
        {
            add.Cleanup();
        }

        var list = new ListLoopback();
        list.Setup();
        try
        {
            results.AddRange(await MeasureAsync(nameof(ListLoopback), rounds, callsPerBlock, log,
                (nameof(list.HandWritten), list.HandWritten),
                (nameof(list.ClientCallerOwnedHttpClient), list.ClientCallerOwnedHttpClient),
                (nameof(list.ClientOwnPipeline), list.ClientOwnPipeline)).ConfigureAwait(false));
        }
        finally
        {
            list.Cleanup();
        }

        return results;
    }

    /// <param name="sides">The baseline first.</param>
    private static async Task<IEnumerable<Result>> MeasureAsync(string scenario, int rounds, int callsPerBlock, TextWriter log, params (string Method, Func<Task> Call)[] sides)
    {
        // Warm-up: tiered JIT, PGO, the connection pools and Kestrel.
        for (var w = 0; w < 5; w++)
        {
            foreach (var side in sides)
            {
                await BlockAsync(side.Call, callsPerBlock).ConfigureAwait(false);
            }
        }

        var nsPerCall = sides.Select(_ => new double[rounds]).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var s = (r + k) % sides.Length;
                nsPerCall[s][r] = await BlockAsync(sides[s].Call, callsPerBlock).ConfigureAwait(false);
            }
        }

        var baseline = nsPerCall[0];
        var results = new List<Result>();
        for (var s = 1; s < sides.Length; s++)
        {
            var ratios = nsPerCall[s].Zip(baseline, (ours, theirs) => ours / theirs).OrderBy(x => x).ToArray();
            var result = new Result(scenario, sides[s].Method, rounds, callsPerBlock,
                Quantile(ratios, 0.5), Quantile(ratios, 0.25), Quantile(ratios, 0.75),
                Quantile(nsPerCall[s].OrderBy(x => x).ToArray(), 0.5), Quantile(baseline.OrderBy(x => x).ToArray(), 0.5));
            log.WriteLine($"  interleaved {scenario} {sides[s].Method}: median ratio {result.MedianRatio:0.000} (IQR {result.LowQuartileRatio:0.000}-{result.HighQuartileRatio:0.000}), {result.MedianNsPerCall / 1000:0.0} µs vs {result.BaselineMedianNsPerCall / 1000:0.0} µs per call");
            results.Add(result);
        }

        return results;
    }

    /// <summary>Mean nanoseconds per call over <paramref name="calls"/> sequential calls.</summary>
    private static async Task<double> BlockAsync(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / calls;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
