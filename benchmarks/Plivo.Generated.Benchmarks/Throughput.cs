using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// (e) Throughput: N adds at a fixed concurrency over loopback against the Kestrel stub (in this process), for the
/// baseline and for our client over a caller-owned HttpClient. Both HttpClients sit on a SocketsHttpHandler whose
/// ConnectCallback counts the TCP connections opened. After two untimed rounds per side, the measured rounds alternate
/// the order of the sides; the median round is reported.
/// </summary>
public static class Throughput
{
    public sealed record Round(string Side, int Adds, int Concurrency, TimeSpan Elapsed, int Errors, int Connections, string? FirstError)
    {
        public double RequestsPerSecond => Adds / Elapsed.TotalSeconds;
    }

    public sealed record Result(string Side, IReadOnlyList<Round> Rounds)
    {
        public Round Median => Rounds.OrderBy(r => r.RequestsPerSecond).ElementAt(Rounds.Count / 2);
        public int MaxConnections => Rounds.Max(r => r.Connections);
        public int TotalErrors => Rounds.Sum(r => r.Errors);

        /// <summary>
        /// The median over rounds of this side's req/s divided by <paramref name="baseline"/>'s in the same round: the
        /// sides of one round run back to back, so a change in the machine's load between rounds cancels out.
        /// </summary>
        public double PairedRatio(Result baseline)
        {
            var ratios = Rounds.Zip(baseline.Rounds, (ours, theirs) => ours.RequestsPerSecond / theirs.RequestsPerSecond).OrderBy(x => x).ToArray();
            return ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
        }
    }

    public const string Baseline = "baseline";
    public const string CallerOwned = "client (caller-owned HttpClient)";
    public const string OwnPipeline = "client (own pipeline)";

    public static async Task<IReadOnlyDictionary<string, Result>> MeasureAsync(int adds, int concurrency, int rounds, TextWriter log)
    {
        await using var server = await StubServer.StartAsync().ConfigureAwait(false);
        var numbers = Fixtures.Numbers(adds);
        var sides = new[] { Baseline, CallerOwned, OwnPipeline };

        // Warm-up: one whole untimed round per side, twice (tiered JIT and PGO, thread pool growth, Kestrel). With a
        // short warm-up the first measured rounds ran at a third of the speed of the last, whichever side ran first.
        for (var w = 0; w < 2; w++)
        {
            foreach (var side in sides)
            {
                await RunAsync(side, server.BaseUrl, numbers, concurrency).ConfigureAwait(false);
            }
        }

        var results = sides.ToDictionary(s => s, _ => new List<Round>());
        for (var r = 0; r < rounds; r++)
        {
            var order = r % 2 == 0 ? sides : sides.Reverse().ToArray();
            foreach (var side in order)
            {
                var round = await RunAsync(side, server.BaseUrl, numbers, concurrency).ConfigureAwait(false);
                results[side].Add(round);
                log.WriteLine($"  throughput {side,-34} round {r + 1}/{rounds}: {round.RequestsPerSecond,8:0} req/s, {round.Connections} connections, {round.Errors} errors{(round.FirstError is null ? "" : " (" + round.FirstError + ")")}");
            }
        }

        return results.ToDictionary(kv => kv.Key, kv => new Result(kv.Key, kv.Value));
    }

    private static async Task<Round> RunAsync(string side, string baseUrl, string[] numbers, int concurrency)
    {
        var connections = 0;
        var failedConnects = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    Interlocked.Increment(ref failedConnects);
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var http = new HttpClient(handler);
        using var api = side == CallerOwned
            ? new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, http, new PlivoClientOptions { BaseUrl = new Uri(baseUrl) })
            : new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, new PlivoClientOptions { BaseUrl = new Uri(baseUrl) });
        var tollfree = api.NumberPool(Fixtures.PoolUuid).Tollfree;
        var baseline = new BaselineClient(http, baseUrl, Fixtures.AuthId, Fixtures.AuthToken, Fixtures.PoolUuid);

        var next = -1;
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < numbers.Length)
            {
                try
                {
                    var number = side == Baseline
                        ? (await baseline.AddAsync(numbers[i]).ConfigureAwait(false)).Number
                        : (await tollfree.AddAsync(numbers[i]).ConfigureAwait(false)).Number;
                    if (number is null)
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

        // Our own pipeline's pool cannot be hooked: its connections are not counted (-1).
        if (failedConnects > 0)
        {
            firstError ??= $"{failedConnects} connection attempt(s) failed";
        }

        return new Round(side, numbers.Length, concurrency, clock.Elapsed, errors, side == OwnPipeline ? -1 : connections, firstError);
    }
}
