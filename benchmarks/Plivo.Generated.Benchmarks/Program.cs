using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Plivo.Generated.Benchmarks;

public static class Program
{
    private const string Usage = """
        Plivo.Generated.Benchmarks: our client against a hand-written baseline.

          (no mode)            BenchmarkDotNet (a-c), the same interleaved, cold start (d), throughput (e); writes the report
            --mode smoke|full    smoke: in-process BDN, 5 iterations, 2 cold launches, 2,000 adds (~1-2 min); full (default)
            --report PATH        where to write the Markdown report (default: none, console only)
            --command TEXT       the command line to quote in the report
            --wait-load X        wait (up to --wait-max seconds, default 600) for a 1-minute load average below X first
            --only LIST          any of bdn,interleaved,cold,throughput (default all)
            --filter TEXT        BDN classes whose name contains TEXT (AddInMemory, AddLoopback, ListLoopback, ListInMemory)
            --inprocess          full mode with BDN's in-process toolchain (no child build)
            --adds N --rounds N  throughput: adds per round, measured rounds per side
          --cold client|baseline URL   one cold-start child: one add against URL, prints "done <ms in Main>"
          --bdn ARGS...        BenchmarkDotNet's own command line (e.g. --bdn --filter *AddInMemory* --profiler EP)
        """;

    public static async Task<int> Main(string[] args)
    {
        var sinceMain = Stopwatch.StartNew();
        if (args.Length >= 1 && args[0] == "--cold")
        {
            return args.Length == 3 ? await ColdStart.RunChildAsync(args[1], args[2], sinceMain).ConfigureAwait(false) : Fail(Usage);
        }

        if (args.Length >= 1 && args[0] == "--bdn")
        {
            var config = DefaultConfig.Instance.WithArtifactsPath(ArtifactsPath()).AddDiagnoser(MemoryDiagnoser.Default);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray(), config);
            return 0;
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var options = Options.Parse(args);
        if (options is null)
        {
            return Fail(Usage);
        }

        return await RunAsync(options).ConfigureAwait(false);
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

        if (options.Only.Contains("bdn"))
        {
            foreach (var type in BenchmarkTypes().Where(t => options.Filter is null || t.Name.Contains(options.Filter, StringComparison.OrdinalIgnoreCase)))
            {
                var summary = BenchmarkRunner.Run(type, BdnConfig(options));
                report.Add(summary);
            }
        }

        if (options.Only.Contains("interleaved"))
        {
            log.WriteLine("== (a)-(c') interleaved");
            report.Interleaved = await Interleaved.MeasureAsync(options.Smoke ? 5 : 101, log).ConfigureAwait(false);
        }

        if (options.Only.Contains("cold"))
        {
            log.WriteLine("== cold start");
            var (baseline, client) = await ColdStart.MeasureAsync(options.Smoke ? 2 : 15, log).ConfigureAwait(false);
            report.Cold = (baseline, client);
        }

        if (options.Only.Contains("throughput"))
        {
            log.WriteLine("== throughput");
            report.Throughput = await Throughput.MeasureAsync(options.Adds ?? (options.Smoke ? 2_000 : 20_000), 64, options.Rounds ?? (options.Smoke ? 1 : 15), log).ConfigureAwait(false);
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

    private static Type[] BenchmarkTypes() => new[] { typeof(AddInMemory), typeof(AddLoopback), typeof(ListLoopback), typeof(ListInMemory) };

    private static IConfig BdnConfig(Options options)
    {
        Job job;
        if (options.Smoke)
        {
            // Enough to prove every benchmark runs and to show rough ratios; no pilot, no child build.
            job = new Job("Smoke").WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3).WithIterationCount(5).WithInvocationCount(256).WithUnrollFactor(1);
        }
        else
        {
            job = new Job("Full").WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(20);
            if (options.InProcess)
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }
        }

        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
            .WithArtifactsPath(ArtifactsPath())
            .WithOptions(ConfigOptions.JoinSummary);
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
        public HashSet<string> Only { get; private set; } = new() { "bdn", "interleaved", "cold", "throughput" };
        public string? Filter { get; private set; }
        public bool InProcess { get; private set; }
        public int? Adds { get; private set; }
        public int? Rounds { get; private set; }

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--mode": o.Mode = Next(); break;
                    case "--report": o.ReportPath = Next(); break;
                    case "--command": o.Command = Next(); break;
                    case "--wait-load": o.WaitLoad = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--wait-max": o.WaitMax = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--only": o.Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(); break;
                    case "--filter": o.Filter = Next(); break;
                    case "--inprocess": o.InProcess = true; break;
                    case "--adds": o.Adds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--rounds": o.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: Console.Error.WriteLine($"unknown argument {args[i]}"); return null;
                }
            }

            return o.Mode is "smoke" or "full" ? o : null;
        }
    }
}

/// <summary>Samples the 1-minute load average every 5 s while the benchmarks run.</summary>
public sealed class LoadSampler : IDisposable
{
    private readonly List<double> _samples = new();
    private readonly Timer _timer;

    private LoadSampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public static LoadSampler Start() => new();

    public static double? Read()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Sample()
    {
        if (Read() is { } value)
        {
            lock (_samples)
            {
                _samples.Add(value);
            }
        }
    }

    public (double Min, double Mean, double Max, int Count) Stop()
    {
        _timer.Dispose();
        Sample();
        lock (_samples)
        {
            return _samples.Count == 0 ? (double.NaN, double.NaN, double.NaN, 0) : (_samples.Min(), _samples.Average(), _samples.Max(), _samples.Count);
        }
    }

    public void Dispose() => _timer.Dispose();
}
