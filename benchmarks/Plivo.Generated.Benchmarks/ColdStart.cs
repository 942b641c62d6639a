using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// (d) Cold start: a fresh process doing its first add, timed by the parent from Process.Start to the child's "done"
/// line. Each launch runs this same exe with <c>--cold client|baseline URL</c> against the stub server's child process;
/// the two sides alternate launch by launch so that a change of machine load hits both.
/// </summary>
/// <remarks>
/// Why processes and not BenchmarkDotNet's <c>RunStrategy.ColdStart</c>: that strategy times the first invocation
/// inside BDN's already-started host process, after the benchmark assembly, its dependencies and BDN's own engine are
/// loaded; a user's first call pays for the runtime starting, Newtonsoft.Json/Polly/our assembly loading and the JIT of
/// the whole HTTP stack. Launching the real process measures exactly "time to the first successful call".
/// The child also reports the time from entering Main to done (the part the client can influence).
/// </remarks>
public static class ColdStart
{
    /// <param name="ConstructedMs">From entering Main to the client built, before its first call.</param>
    public sealed record Sample(double WallMs, double InMainMs, double ConstructedMs);

    public sealed record Result(string Side, IReadOnlyList<Sample> Samples)
    {
        public double MedianWallMs => Median(Samples.Select(s => s.WallMs));
        public double MedianInMainMs => Median(Samples.Select(s => s.InMainMs));
        public double MedianConstructedMs => Median(Samples.Select(s => s.ConstructedMs));
    }

    /// <summary>The child: one add, then "done &lt;ms in Main&gt; &lt;ms in Main when the client was built&gt;".</summary>
    public static async Task<int> RunChildAsync(string side, string baseUrl, Stopwatch sinceMain)
    {
        // "done" is printed as soon as the first add has answered (before anything is disposed: the baseline's static
        // HttpClient never is, so disposing PlivoApi first would time work the baseline does not do).
        if (side == "client")
        {
            using var api = new PlivoApi(Fixtures.AuthId, Fixtures.AuthToken, new PlivoClientOptions { BaseUrl = new Uri(baseUrl) });
            var tollfree = api.NumberPool(Fixtures.PoolUuid).Tollfree;
            var constructed = sinceMain.Elapsed;
            var added = await tollfree.AddAsync(Fixtures.Number).ConfigureAwait(false);
            return Done(added.Number, sinceMain, constructed);
        }

        if (side == "baseline")
        {
            var baseline = new BaselineClient(BaselineHttp.Client, baseUrl, Fixtures.AuthId, Fixtures.AuthToken, Fixtures.PoolUuid);
            var constructed = sinceMain.Elapsed;
            var added = await baseline.AddAsync(Fixtures.Number).ConfigureAwait(false);
            return Done(added.Number, sinceMain, constructed);
        }

        Console.Error.WriteLine($"--cold takes client or baseline, not '{side}'");
        return 2;
    }

    private static int Done(string? number, Stopwatch sinceMain, TimeSpan constructed)
    {
        if (number != Fixtures.Number)
        {
            Console.Error.WriteLine($"unexpected answer: {number}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {sinceMain.Elapsed.TotalMilliseconds:0.00} {constructed.TotalMilliseconds:0.00}"));
        return 0;
    }

    /// <summary>The hand-written program's one static HttpClient.</summary>
    private static class BaselineHttp
    {
        public static readonly HttpClient Client = new();
    }

    public static async Task<(Result Baseline, Result Client)> MeasureAsync(StubServerProcess server, int launches, TextWriter log)
    {
        // One unmeasured launch of each: the exe and its dependencies into the OS file cache.
        await LaunchAsync("baseline", server.BaseUrl).ConfigureAwait(false);
        await LaunchAsync("client", server.BaseUrl).ConfigureAwait(false);

        var samples = new Dictionary<string, List<Sample>> { ["baseline"] = new(), ["client"] = new() };
        for (var i = 0; i < launches; i++)
        {
            foreach (var side in i % 2 == 0 ? new[] { "baseline", "client" } : new[] { "client", "baseline" })
            {
                var sample = await LaunchAsync(side, server.BaseUrl).ConfigureAwait(false);
                samples[side].Add(sample);
                log.WriteLine($"  cold start {side,-8} launch {i + 1}/{launches}: {sample.WallMs:0.0} ms to done ({sample.InMainMs:0.0} ms in Main, of which {sample.ConstructedMs:0.0} ms to the client built)");
            }
        }

        return (new Result("baseline", samples["baseline"]), new Result("client", samples["client"]));
    }

    private static async Task<Sample> LaunchAsync(string side, string baseUrl)
    {
        var start = SelfProcess.StartInfo("--cold", side, baseUrl);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        string? line;
        double? wall = null, inMain = null, constructed = null;
        while ((line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                wall = clock.Elapsed.TotalMilliseconds;
                var figures = line.Split(' ');
                inMain = double.Parse(figures[1], CultureInfo.InvariantCulture);
                constructed = double.Parse(figures[2], CultureInfo.InvariantCulture);
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0 || wall is null)
        {
            throw new InvalidOperationException($"cold start of {side} failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return new Sample(wall.Value, inMain!.Value, constructed!.Value);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
