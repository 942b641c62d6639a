using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// Throughput: N adds at a fixed concurrency over loopback against the stub server's child process, for each of the
/// three sides, each round with new clients (so every round opens its connections; the server counts them). After two
/// untimed rounds per side, the measured rounds run the sides back to back, the order alternating; the ratios are
/// taken per round (ours/baseline of the same round) and their median reported, as the machine's load drifts between rounds.
/// Each round also reads this process's CPU time and allocated bytes: with the server in another process, the client's
/// CPU per add under load, which is what bounds its throughput on a busy machine.
/// </summary>
public static class Throughput
{
    public sealed record Round(string Side, int Adds, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, int Errors, int Connections, double ServerCpuMicrosecondsPerRequest, string? FirstError)
    {
        public double RequestsPerSecond => Adds / Elapsed.TotalSeconds;

        public double CpuMicrosecondsPerAdd => Cpu.TotalMicroseconds / Adds;

        public double BytesPerAdd => (double)AllocatedBytes / Adds;
    }

    public sealed record Result(string Side, int Concurrency, IReadOnlyList<Round> Rounds)
    {
        public Round MedianRound => Rounds.OrderBy(r => r.RequestsPerSecond).ElementAt(Rounds.Count / 2);

        public double MedianCpuMicrosecondsPerAdd => Interleaved.Spread.Of(Rounds.Select(r => r.CpuMicrosecondsPerAdd)).Median;

        public double MedianBytesPerAdd => Interleaved.Spread.Of(Rounds.Select(r => r.BytesPerAdd)).Median;

        public double MedianServerCpuMicrosecondsPerRequest => Interleaved.Spread.Of(Rounds.Select(r => r.ServerCpuMicrosecondsPerRequest)).Median;

        public int MaxConnections => Rounds.Max(r => r.Connections);

        public int TotalErrors => Rounds.Sum(r => r.Errors);

        /// <summary>req/s ours/baseline, per round; median and quartiles.</summary>
        public Interleaved.Spread ThroughputRatio(Result baseline) =>
            Interleaved.Spread.Of(Rounds.Zip(baseline.Rounds, (o, b) => o.RequestsPerSecond / b.RequestsPerSecond));

        /// <summary>CPU per add ours/baseline, per round; median and quartiles.</summary>
        public Interleaved.Spread CpuRatio(Result baseline) =>
            Interleaved.Spread.Of(Rounds.Zip(baseline.Rounds, (o, b) => o.CpuMicrosecondsPerAdd / b.CpuMicrosecondsPerAdd));
    }

    public static async Task<IReadOnlyList<Result>> MeasureAsync(StubServerProcess server, int adds, int concurrency, int rounds, TextWriter log)
    {
        var numbers = Fixtures.Numbers(adds);

        // Two whole untimed rounds per side (tiered JIT and PGO, thread-pool growth): with less, the first measured
        // rounds ran at a third of the speed of the last, whichever side ran first.
        for (var w = 0; w < 2; w++)
        {
            foreach (var side in Sides.Names)
            {
                await RunAsync(side, server, numbers, concurrency).ConfigureAwait(false);
            }
        }

        var results = Sides.Names.ToDictionary(s => s, _ => new List<Round>());
        for (var r = 0; r < rounds; r++)
        {
            foreach (var side in r % 2 == 0 ? Sides.Names : Sides.Names.Reverse())
            {
                var round = await RunAsync(side, server, numbers, concurrency).ConfigureAwait(false);
                results[side].Add(round);
                log.WriteLine($"  throughput {side,-24} round {r + 1}/{rounds}: {round.RequestsPerSecond,8:0} req/s, {round.CpuMicrosecondsPerAdd,6:0.0} µs CPU and {round.BytesPerAdd,6:0} B per add, " +
                    $"{round.Connections} connections, {round.Errors} errors{(round.FirstError is null ? "" : " (" + round.FirstError + ")")}");
            }
        }

        return Sides.Names.Select(s => new Result(s, concurrency, results[s])).ToArray();
    }

    private static async Task<Round> RunAsync(string side, StubServerProcess server, string[] numbers, int concurrency)
    {
        var serverBefore = await server.GetStatsAsync().ConfigureAwait(false);
        using var sides = new Sides(server.BaseUrl);
        Func<string, Task<string?>> add = side switch
        {
            Sides.BaselineName => async n => (await sides.Baseline.AddAsync(n).ConfigureAwait(false)).Number,
            Sides.CallerOwnedName => async n => (await sides.CallerOwnedTollfree.AddAsync(n).ConfigureAwait(false)).Number,
            _ => async n => (await sides.OwnPipelineTollfree.AddAsync(n).ConfigureAwait(false)).Number,
        };

        var next = -1;
        var errors = 0;
        string? firstError = null;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < numbers.Length)
            {
                try
                {
                    if (await add(numbers[i]).ConfigureAwait(false) is null)
                    {
                        throw new InvalidDataException("no number in the answer");
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var serverCost = (await server.GetStatsAsync().ConfigureAwait(false)) - serverBefore;

        return new Round(side, numbers.Length, clock.Elapsed, cpu, allocated, errors, serverCost.Connections, serverCost.CpuMicrosecondsPerRequest, firstError);
    }
}
