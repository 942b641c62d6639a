using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// (a), (b), (c) and (c') again, paired: the benchmark classes' own methods (same clients, same transports), timed in
/// short blocks of sequential calls that alternate between the sides, the order rotating every round. BenchmarkDotNet
/// runs all iterations of one side before the next, so on a shared machine a change of load between them moves the
/// ratio by more than the 5-10% the goals are about (docs/benchmarks.md); here each round's ratio compares blocks a few
/// milliseconds apart, and the median over the rounds is reported with its interquartile range.
/// </summary>
public static class Interleaved
{
    public sealed record Result(string Scenario, string Method, int Rounds, int CallsPerBlock, double MedianRatio, double LowQuartileRatio, double HighQuartileRatio, double MedianNsPerCall, double BaselineMedianNsPerCall);

    /// <summary>How long one block of calls should take: long enough to time, short enough to stay paired.</summary>
    private static readonly TimeSpan BlockTarget = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<Result>> MeasureAsync(int rounds, TextWriter log)
    {
        var results = new List<Result>();

        var addInMemory = new AddInMemory();
        results.AddRange(await MeasureAsync(nameof(AddInMemory), addInMemory.Setup, addInMemory.Cleanup, rounds, log,
            addInMemory.HandWritten, addInMemory.ClientCallerOwnedHttpClient, addInMemory.ClientOwnPipeline).ConfigureAwait(false));

        var addLoopback = new AddLoopback();
        results.AddRange(await MeasureAsync(nameof(AddLoopback), addLoopback.Setup, addLoopback.Cleanup, rounds, log,
            addLoopback.HandWritten, addLoopback.ClientCallerOwnedHttpClient, addLoopback.ClientOwnPipeline).ConfigureAwait(false));

        var listLoopback = new ListLoopback();
        results.AddRange(await MeasureAsync(nameof(ListLoopback), listLoopback.Setup, listLoopback.Cleanup, rounds, log,
            listLoopback.HandWritten, listLoopback.ClientCallerOwnedHttpClient, listLoopback.ClientOwnPipeline).ConfigureAwait(false));

        var listInMemory = new ListInMemory();
        results.AddRange(await MeasureAsync(nameof(ListInMemory), listInMemory.Setup, listInMemory.Cleanup, rounds, log,
            listInMemory.HandWritten, listInMemory.ClientCallerOwnedHttpClient, listInMemory.ClientOwnPipeline).ConfigureAwait(false));

        return results;
    }

    /// <summary>One benchmark class's three methods, named as in its BDN rows.</summary>
    private static Task<IEnumerable<Result>> MeasureAsync(string scenario, Action setup, Action cleanup, int rounds, TextWriter log,
        Func<Task> handWritten, Func<Task> clientCallerOwnedHttpClient, Func<Task> clientOwnPipeline) =>
        MeasureAsync(scenario, setup, cleanup, rounds, log,
            (nameof(AddInMemory.HandWritten), handWritten),
            (nameof(AddInMemory.ClientCallerOwnedHttpClient), clientCallerOwnedHttpClient),
            (nameof(AddInMemory.ClientOwnPipeline), clientOwnPipeline));

    /// <param name="sides">The baseline first.</param>
    private static async Task<IEnumerable<Result>> MeasureAsync(string scenario, Action setup, Action cleanup, int rounds, TextWriter log, params (string Method, Func<Task> Call)[] sides)
    {
        setup();
        try
        {
            // Warm-up for a few seconds (tiered JIT with PGO, which promotes methods only after 100 ms without new
            // tier-0 code, connection pools, Kestrel), then the block size that takes about BlockTarget.
            var warming = Stopwatch.StartNew();
            while (warming.Elapsed < WarmUp)
            {
                foreach (var side in sides)
                {
                    await BlockAsync(side.Call, 100).ConfigureAwait(false);
                }
            }

            var estimate = await BlockAsync(sides[0].Call, 100).ConfigureAwait(false);
            var callsPerBlock = Math.Max(20, (int)(BlockTarget.TotalNanoseconds / estimate));

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
                log.WriteLine($"  interleaved {scenario} {sides[s].Method}: median ratio {result.MedianRatio:0.000} (IQR {result.LowQuartileRatio:0.000}-{result.HighQuartileRatio:0.000}), {result.MedianNsPerCall / 1000:0.00} µs vs {result.BaselineMedianNsPerCall / 1000:0.00} µs per call, {callsPerBlock} calls per block");
                results.Add(result);
            }

            return results;
        }
        finally
        {
            cleanup();
        }
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
