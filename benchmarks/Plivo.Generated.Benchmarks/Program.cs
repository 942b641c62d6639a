using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace Plivo.Generated.Benchmarks;

public static class Program
{
    private const string Usage = """
        Plivo.Generated.Benchmarks: our client against a hand-written baseline, over loopback against a raw-socket stub server.

          (no mode)            paired sequential calls (add, get, list), throughput, cold start; writes the report
            --mode smoke|full    smoke: few rounds (~30 s, for CI); full (default, ~1.5 min)
            --report PATH        where to write the Markdown report (default: none, console only)
            --command TEXT       the command line to quote in the report
            --wait-load X        wait (up to --wait-max seconds, default 600) for a 1-minute load average below X first
            --only LIST          any of paired,throughput,cold,telemetry (default all)
            --rounds N           paired rounds per scenario
            --warmup SECONDS     paired: warm-up of all scenarios before the first is measured (default 10; smoke 3)
            --adds N             throughput: adds per round
            --throughput-rounds N   throughput: measured rounds per side
            --launches N         cold start: launches per side
          --serve              the stub server child: prints "listening URL", answers "stats" on stdin, exits at its end
          --cold client|baseline URL   one cold-start child: one add against URL, prints "done <ms in Main>"
          --bdn ARGS...        BenchmarkDotNet's own command line, for profiling (e.g. --bdn --filter *AddLoopback* --profiler EP)
        """;

    public static async Task<int> Main(string[] args)
    {
        var sinceMain = Stopwatch.StartNew();

        // Every figure printed or written is invariant (a decimal point), whatever the machine's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        switch (args.FirstOrDefault())
        {
            case "--cold":
                return args.Length == 3 ? await ColdStart.RunChildAsync(args[1], args[2], sinceMain).ConfigureAwait(false) : Fail(Usage);
            case "--serve":
                return await StubServerProcess.RunChildAsync().ConfigureAwait(false);
            case "--bdn":
                var config = DefaultConfig.Instance.WithArtifactsPath(ArtifactsPath()).AddDiagnoser(MemoryDiagnoser.Default);
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray(), config);
                return 0;
            case "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
        }

        var options = Options.Parse(args);
        return options is null ? Fail(Usage) : await RunAsync(options).ConfigureAwait(false);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static async Task<int> RunAsync(Options options)
    {
        var log = Console.Out;
        if (options.WaitLoad is { } threshold)
        {
            WaitForLoad(threshold, options.WaitMax, log);
        }

        using var load = LoadSampler.Start();
        var report = new Report(options.Mode, options.Command);
        await using (var server = await StubServerProcess.StartAsync().ConfigureAwait(false))
        {
            if (options.Only.Contains("paired"))
            {
                log.WriteLine("== sequential calls, paired");
                report.Paired = await Interleaved.MeasureAsync(server, options.Rounds ?? (options.Smoke ? 21 : 201),
                    TimeSpan.FromSeconds(options.WarmUpSeconds ?? (options.Smoke ? 3 : 10)), log).ConfigureAwait(false);
            }

            if (options.Only.Contains("throughput"))
            {
                log.WriteLine("== throughput");
                report.Throughput = await Throughput.MeasureAsync(server, options.Adds ?? (options.Smoke ? 5_000 : 20_000), 64,
                    options.ThroughputRounds ?? (options.Smoke ? 5 : 31), log).ConfigureAwait(false);
            }

            if (options.Only.Contains("telemetry"))
            {
                log.WriteLine("== telemetry cost");
                report.Telemetry = await TelemetryCost.MeasureAsync(server, options.Smoke ? 5 : 31, 200, log).ConfigureAwait(false);
            }

            if (options.Only.Contains("cold"))
            {
                log.WriteLine("== cold start");
                report.Cold = await ColdStart.MeasureAsync(server, options.Launches ?? (options.Smoke ? 3 : 21), log).ConfigureAwait(false);
            }
        }

        report.Load = load.Stop();
        var markdown = report.ToMarkdown();
        log.WriteLine();
        log.WriteLine(markdown);
        if (options.ReportPath is { } path)
        {
            report.WriteTo(path);
            log.WriteLine($"Report written to {path}");
        }

        return report.Failed ? 1 : 0;
    }

    private static string ArtifactsPath() => Path.Combine(Environment.CurrentDirectory, "artifacts", "benchmarks");

    private static void WaitForLoad(double threshold, int maxSeconds, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var now = LoadSampler.Read();
            if (now is null || now < threshold)
            {
                log.WriteLine($"Load average {now?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown"} (< {threshold}): starting.");
                return;
            }

            if (clock.Elapsed.TotalSeconds >= maxSeconds)
            {
                log.WriteLine($"Load average still {now:0.00} after {maxSeconds} s: starting anyway (the report records the load).");
                return;
            }

            log.WriteLine($"Load average {now:0.00} >= {threshold}: waiting...");
            Thread.Sleep(TimeSpan.FromSeconds(20));
        }
    }

    private sealed class Options
    {
        public string Mode { get; private set; } = "full";
        public bool Smoke => Mode == "smoke";
        public string? ReportPath { get; private set; }
        public string? Command { get; private set; }
        public double? WaitLoad { get; private set; }
        public int WaitMax { get; private set; } = 600;
        public HashSet<string> Only { get; private set; } = new() { "paired", "throughput", "cold", "telemetry" };
        public int? Rounds { get; private set; }
        public double? WarmUpSeconds { get; private set; }
        public int? Adds { get; private set; }
        public int? ThroughputRounds { get; private set; }
        public int? Launches { get; private set; }

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--mode": o.Mode = Next(); break;
                    case "--report": o.ReportPath = Next(); break;
                    case "--command": o.Command = Next(); break;
                    case "--wait-load": o.WaitLoad = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--wait-max": o.WaitMax = NextInt(); break;
                    case "--only": o.Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(); break;
                    case "--rounds": o.Rounds = NextInt(); break;
                    case "--warmup": o.WarmUpSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--adds": o.Adds = NextInt(); break;
                    case "--throughput-rounds": o.ThroughputRounds = NextInt(); break;
                    case "--launches": o.Launches = NextInt(); break;
                    default: Console.Error.WriteLine($"unknown argument {args[i]}"); return null;
                }
            }

            return o.Mode is "smoke" or "full" ? o : null;
        }
    }
}
