using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// The <see cref="RawStubServer"/> in a child process (this exe with <c>--serve</c>), so that the benchmark process's own
/// CPU time and allocations are the client's alone. The parent talks to it over the child's stdin/stdout: the child
/// prints its base URL, answers each <c>stats</c> line with its CPU time, requests and connections so far, and exits
/// when its stdin closes.
/// </summary>
public sealed class StubServerProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private const string StatsCommand = "stats";

    private readonly Process _process;

    private StubServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:port/v1/</summary>
    public string BaseUrl { get; }

    /// <summary>What the server had done at one moment; subtract two to get the cost of what happened between them.</summary>
    public readonly record struct Stats(TimeSpan Cpu, long Requests, int Connections)
    {
        public static Stats operator -(Stats later, Stats earlier) =>
            new(later.Cpu - earlier.Cpu, later.Requests - earlier.Requests, later.Connections - earlier.Connections);

        /// <summary>The server's CPU time per request answered, in microseconds.</summary>
        public double CpuMicrosecondsPerRequest => Requests == 0 ? double.NaN : Cpu.TotalMicroseconds / Requests;
    }

    public static async Task<StubServerProcess> StartAsync()
    {
        var start = SelfProcess.StartInfo("--serve");

        // The server never blocks, so its socket continuations can run on the epoll thread itself: no hop to the
        // thread pool and no pool thread spinning while it waits for the next request (that spinning tripled its CPU).
        start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the stub server");
        var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the stub server did not start: {line} {error}");
        }

        return new StubServerProcess(process, line[ListeningPrefix.Length..]);
    }

    public async Task<Stats> GetStatsAsync()
    {
        await _process.StandardInput.WriteLineAsync(StatsCommand).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("the stub server exited");
        var parts = line.Split(' ');
        return new Stats(
            TimeSpan.FromTicks(long.Parse(parts[1], CultureInfo.InvariantCulture)),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The child's side: serve until stdin closes.</summary>
    public static async Task<int> RunChildAsync()
    {
        await using var server = RawStubServer.Start();
        Console.WriteLine(ListeningPrefix + server.BaseUrl);
        string? command;
        while ((command = await Console.In.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            if (command == StatsCommand)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{StatsCommand} {Environment.CpuUsage.TotalTime.Ticks} {server.Requests} {server.ConnectionsAccepted}"));
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
