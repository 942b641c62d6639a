using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Plivo.Generated.Benchmarks;

/// <summary>Collects every figure of one run and writes the ratio table (ours / baseline) with the machine and the load.</summary>
public sealed class Report
{
    public const string Begin = "<!-- bench:begin (written by the benchmarks; do not edit by hand) -->";
    public const string End = "<!-- bench:end -->";

    private readonly string _mode;
    private readonly string? _command;
    private readonly List<Row> _rows = new();
    private readonly DateTime _started = DateTime.UtcNow;

    public Report(string mode, string? command)
    {
        _mode = mode;
        _command = command;
    }

    public (ColdStart.Result Baseline, ColdStart.Result Client)? Cold { get; set; }

    public IReadOnlyDictionary<string, Throughput.Result>? Throughput { get; set; }

    public IReadOnlyList<Interleaved.Result>? Interleaved { get; set; }

    public (double Min, double Mean, double Max, int Count) Load { get; set; }

    public bool Failed { get; private set; }

    private sealed record Row(string Scenario, string Method, double? MeanNs, double? StdDevNs, long? Allocated);

    public void Add(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var descriptor = report.BenchmarkCase.Descriptor;
            var stats = report.ResultStatistics;
            if (stats is null)
            {
                Failed = true;
            }

            _rows.Add(new Row(descriptor.Type.Name, descriptor.WorkloadMethod.Name, stats?.Mean, stats?.StandardDeviation,
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)));
        }

        if (summary.Reports.Length == 0 || summary.HasCriticalValidationErrors)
        {
            Failed = true;
        }
    }

    /// <summary>The goal of each scenario: (max time ratio, max allocation ratio); null: reported only.</summary>
    private static (double? Time, double? Alloc) Goal(string scenario) => scenario switch
    {
        nameof(AddInMemory) => (1.10, 1.20),
        nameof(AddLoopback) => (1.05, null),
        nameof(ListLoopback) => (1.05, null),
        _ => (null, null),
    };

    private static string Describe(string scenario) => scenario switch
    {
        nameof(AddInMemory) => "(a) add, in-memory handler",
        nameof(AddLoopback) => "(b) add, loopback (Kestrel)",
        nameof(ListLoopback) => "(c) list of 20, loopback (Kestrel)",
        nameof(ListInMemory) => "(c') list of 20, in-memory handler",
        _ => scenario,
    };

    private static string Path(string method) => method switch
    {
        "ClientCallerOwnedHttpClient" => "caller-owned HttpClient",
        "ClientOwnPipeline" => "own pipeline",
        _ => method,
    };

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine(CultureInfo.InvariantCulture, $"Run of {_started:yyyy-MM-dd HH:mm} UTC, mode **{_mode}**{(_mode == "smoke" ? " (smoke: a few iterations in-process, ratios rough)" : "")}.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{_command ?? string.Join(' ', Environment.GetCommandLineArgs())}`");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {OsName()}, {RuntimeInformation.FrameworkDescription}, BenchmarkDotNet {typeof(Summary).Assembly.GetName().Version}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1 min) during the run: min {Load.Min:0.00}, mean {Load.Mean:0.00}, max {Load.Max:0.00} ({Load.Count} samples, every 5 s)");
        s.AppendLine();

        if (_rows.Count > 0)
        {
            s.AppendLine("| scenario | our path | time ratio | alloc ratio | goal | met | ours: mean, alloc | baseline: mean, alloc |");
            s.AppendLine("|---|---|---:|---:|---|---|---:|---:|");
            foreach (var group in _rows.GroupBy(r => r.Scenario))
            {
                var baseline = group.FirstOrDefault(r => r.Method == "HandWritten");
                foreach (var row in group.Where(r => r != baseline))
                {
                    var time = Ratio(row.MeanNs, baseline?.MeanNs);
                    var alloc = Ratio(row.Allocated, baseline?.Allocated);
                    var (timeGoal, allocGoal) = Goal(group.Key);
                    var goal = timeGoal is null ? "(reported)" : $"time ≤ {timeGoal:0.00}x" + (allocGoal is null ? "" : $", alloc ≤ {allocGoal:0.00}x");
                    var met = timeGoal is null ? "" : (time <= timeGoal && (allocGoal is null || alloc <= allocGoal)) ? "yes" : "**no**";

                    // BDN's sequential runs drift with the machine's load by more than the goals' 5-10%; when the paired,
                    // interleaved measurement ran, it judges the time, and BDN the allocations.
                    if (timeGoal is not null && Interleaved is { } paired && paired.Any(p => p.Scenario == group.Key))
                    {
                        goal += " (time judged below, interleaved)";
                        met = allocGoal is null ? "" : alloc <= allocGoal ? "alloc: yes" : "alloc: **no**";
                    }
                    s.AppendLine(CultureInfo.InvariantCulture,
                        $"| {Describe(group.Key)} | {Path(row.Method)} | {Fmt(time)} | {Fmt(alloc)} | {goal} | {met} | {Time(row.MeanNs)} ± {Time(row.StdDevNs)}, {Bytes(row.Allocated)} | {Time(baseline?.MeanNs)} ± {Time(baseline?.StdDevNs)}, {Bytes(baseline?.Allocated)} |");
                }
            }

            s.AppendLine();
        }

        if (Interleaved is { Count: > 0 } interleaved)
        {
            var first = interleaved[0];
            s.AppendLine(CultureInfo.InvariantCulture, $"**Interleaved** (the time goals are judged here): the same benchmark methods, clients and transports, in blocks of sequential calls (about 10 ms each) alternating between the three sides (order rotating), {first.Rounds} rounds after 3 s of warm-up; the ratio ours/baseline of each round's blocks, median and interquartile range:");
            s.AppendLine();
            s.AppendLine("| scenario | our path | median ratio | IQR of ratios | goal | met | calls per block | ours: median per call | baseline: median per call |");
            s.AppendLine("|---|---|---:|---|---|---|---:|---:|---:|");
            foreach (var result in interleaved)
            {
                var (goal, _) = Goal(result.Scenario);
                var met = goal is null ? "" : result.MedianRatio <= goal ? "yes" : "**no**";
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Describe(result.Scenario)} | {Path(result.Method)} | **{result.MedianRatio:0.00}x** | {result.LowQuartileRatio:0.00}–{result.HighQuartileRatio:0.00}x | {(goal is null ? "(reported)" : $"time ≤ {goal:0.00}x")} | {met} | {result.CallsPerBlock} | {Time(result.MedianNsPerCall)} | {Time(result.BaselineMedianNsPerCall)} |");
            }

            s.AppendLine();
        }

        if (Cold is { } cold)
        {
            var wall = cold.Client.MedianWallMs / cold.Baseline.MedianWallMs;
            var inMain = cold.Client.MedianInMainMs / cold.Baseline.MedianInMainMs;
            s.AppendLine(CultureInfo.InvariantCulture, $"**(d) Cold start** (own pipeline, `new PlivoApi(id, token, options)` then the add; {cold.Client.Samples.Count} launches of each side, alternating, medians): " +
                $"process start → first successful add **{wall:0.00}x** ({cold.Client.MedianWallMs:0} ms vs {cold.Baseline.MedianWallMs:0} ms; goal ≤ 1.25x: {(wall <= 1.25 ? "met" : "**missed**")}); " +
                $"from entering Main → done {inMain:0.00}x ({cold.Client.MedianInMainMs:0} ms vs {cold.Baseline.MedianInMainMs:0} ms).");
            s.AppendLine();
        }

        if (Throughput is { } throughput)
        {
            var baseline = throughput[Benchmarks.Throughput.Baseline];
            s.AppendLine(CultureInfo.InvariantCulture, $"**(e) Throughput**: {baseline.Median.Adds:N0} adds at concurrency {baseline.Median.Concurrency} over loopback (Kestrel stub in the same process), {baseline.Rounds.Count} round(s) per side, the sides back to back in each round (order alternating); req/s of the median round, and the ratio as the median over rounds of each round's ours/baseline (judged):");
            s.AppendLine();
            s.AppendLine("| side | req/s (median round) | ratio (paired per round) | errors (all rounds) | connections opened (max of rounds) | goal | met |");
            s.AppendLine("|---|---:|---:|---:|---:|---|---|");
            foreach (var result in throughput.Values)
            {
                var ratio = result.PairedRatio(baseline);
                var counted = result.MaxConnections >= 0;
                var isBaseline = result == baseline;
                var goal = isBaseline ? "" : counted ? "≥ 0.95x, 0 errors, ≤ 64 connections" : "≥ 0.95x, 0 errors";
                var met = isBaseline ? "" : (ratio >= 0.95 && result.TotalErrors == 0 && (!counted || result.MaxConnections <= 64)) ? "yes" : "**no**";
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {result.Side} | {result.Median.RequestsPerSecond:0} | {(isBaseline ? "1.00" : ratio.ToString("0.00", CultureInfo.InvariantCulture))} | {result.TotalErrors} | {(counted ? result.MaxConnections.ToString(CultureInfo.InvariantCulture) : "not countable")} | {goal} | {met} |");
                if (result.TotalErrors > 0)
                {
                    Failed = true;
                }
            }

            s.AppendLine();
        }

        s.AppendLine(End);
        return s.ToString();
    }

    /// <summary>Replaces the generated section of the report, keeping whatever is written around it.</summary>
    public void WriteTo(string path)
    {
        var section = ToMarkdown();
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        string text;
        if (existing is not null && existing.Contains(Begin, StringComparison.Ordinal) && existing.Contains(End, StringComparison.Ordinal))
        {
            var start = existing.IndexOf(Begin, StringComparison.Ordinal);
            var end = existing.IndexOf(End, start, StringComparison.Ordinal) + End.Length;
            text = existing[..start] + section.TrimEnd('\n', '\r') + existing[end..];
        }
        else
        {
            text = "# Benchmarks\n\n" + section;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }

    private static double? Ratio(double? ours, double? baseline) => ours is { } o && baseline is { } b && b > 0 ? o / b : null;

    private static string Fmt(double? ratio) => ratio is { } r ? $"**{r:0.00}x**" : "n/a";

    private static string Time(double? ns) => ns switch
    {
        null => "n/a",
        >= 1_000_000 => $"{ns / 1_000_000:0.00} ms",
        >= 1_000 => $"{ns / 1_000:0.00} µs",
        _ => $"{ns:0} ns",
    };

    private static string Bytes(long? bytes) => bytes is { } b ? b >= 1024 ? $"{b / 1024.0:0.0} KB" : $"{b} B" : "n/a";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (line is not null)
            {
                return line["PRETTY_NAME=".Length..].Trim('"') + $" (kernel {Environment.OSVersion.Version})";
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.OSDescription;
    }
}
