using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// Collects every figure of one run and writes the headline table (ours / baseline, judged against the issue's
/// acceptance and goal figures), the detailed tables, the machine and the load, between the report's markers.
/// </summary>
public sealed class Report
{
    public const string Begin = "<!-- bench:begin (written by the benchmarks; do not edit by hand) -->";
    public const string End = "<!-- bench:end -->";

    private readonly string _mode;
    private readonly string? _command;
    private readonly DateTime _started = DateTime.UtcNow;

    public Report(string mode, string? command)
    {
        _mode = mode;
        _command = command;
    }

    public IReadOnlyList<Interleaved.Result>? Paired { get; set; }

    public IReadOnlyList<Throughput.Result>? Throughput { get; set; }

    public (ColdStart.Result Baseline, ColdStart.Result Client)? Cold { get; set; }

    public IReadOnlyList<TelemetryCost.Mode>? Telemetry { get; set; }

    public LoadSampler.Summary Load { get; set; }

    /// <summary>Errors in a throughput round (a goal missed is reported, not a failure: the ratios are noisy on a shared machine).</summary>
    public bool Failed => Throughput?.Any(t => t.TotalErrors > 0) == true;

    /// <summary>
    /// One headline row: the ratio ours/baseline for each of our sides (null: not measured), the issue's figure for
    /// today's client (no row may get worse) and its goal; <paramref name="HigherIsBetter"/> for throughput.
    /// </summary>
    private sealed record Headline(string Row, double? OwnPipeline, double? CallerOwned, double? Acceptance, double? Goal, bool HigherIsBetter = false);

    private IEnumerable<Headline> Headlines()
    {
        double? PairedRatio(string scenario, string side, Func<Interleaved.Result, double> figure) =>
            Paired?.FirstOrDefault(p => p.Scenario == scenario && p.Side == side) is { } result ? figure(result) : null;

        if (Paired is { Count: > 0 })
        {
            yield return new Headline("add latency", PairedRatio(Scenario.Add, Sides.OwnPipelineName, r => r.Time.Median), PairedRatio(Scenario.Add, Sides.CallerOwnedName, r => r.Time.Median), 1.13, 1.05);
            yield return new Headline("get latency (Powerpack)", PairedRatio(Scenario.Get, Sides.OwnPipelineName, r => r.Time.Median), PairedRatio(Scenario.Get, Sides.CallerOwnedName, r => r.Time.Median), 1.16, 1.05);
        }

        if (Throughput is { Count: > 0 } throughput)
        {
            var baseline = throughput.First(t => t.Side == Sides.BaselineName);
            double? Ratio(string side, Func<Throughput.Result, Interleaved.Spread> figure) =>
                throughput.FirstOrDefault(t => t.Side == side) is { } result ? figure(result).Median : null;
            yield return new Headline($"throughput ({baseline.MedianRound.Adds:N0} adds @{baseline.Concurrency})",
                Ratio(Sides.OwnPipelineName, t => t.ThroughputRatio(baseline)), Ratio(Sides.CallerOwnedName, t => t.ThroughputRatio(baseline)), 0.88, 0.95, HigherIsBetter: true);
            yield return new Headline($"client CPU per add (@{baseline.Concurrency})",
                Ratio(Sides.OwnPipelineName, t => t.CpuRatio(baseline)), Ratio(Sides.CallerOwnedName, t => t.CpuRatio(baseline)), 1.14, 1.05);
        }

        if (Paired is { Count: > 0 })
        {
            yield return new Headline("allocations per add", PairedRatio(Scenario.Add, Sides.OwnPipelineName, r => r.AllocRatio), PairedRatio(Scenario.Add, Sides.CallerOwnedName, r => r.AllocRatio), 0.69, 1.00);
        }

        if (Cold is { } cold)
        {
            yield return new Headline("cold start (process start → first add)", cold.Client.MedianWallMs / cold.Baseline.MedianWallMs, null, 1.27, 1.20);
        }

        if (Paired is { Count: > 0 })
        {
            yield return new Headline("list-of-20 latency", PairedRatio(Scenario.List, Sides.OwnPipelineName, r => r.Time.Median), PairedRatio(Scenario.List, Sides.CallerOwnedName, r => r.Time.Median), null, null);
            yield return new Headline("list of 20 Powerpacks latency", PairedRatio(Scenario.PowerpackList, Sides.OwnPipelineName, r => r.Time.Median), PairedRatio(Scenario.PowerpackList, Sides.CallerOwnedName, r => r.Time.Median), null, null);
            yield return new Headline("numbers page of 20 latency", PairedRatio(Scenario.NumberList, Sides.OwnPipelineName, r => r.Time.Median), PairedRatio(Scenario.NumberList, Sides.CallerOwnedName, r => r.Time.Median), null, null);
        }
    }

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine(Invariant($"Run of {_started:yyyy-MM-dd HH:mm} UTC, mode **{_mode}**{(_mode == "smoke" ? " (smoke: few rounds, ratios rough)" : "")}."));
        s.AppendLine();
        s.AppendLine(Invariant($"- Command: `{_command ?? string.Join(' ', Environment.GetCommandLineArgs())}`"));
        s.AppendLine(Invariant($"- Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {OsName()}, {RuntimeInformation.FrameworkDescription}"));
        s.AppendLine(Invariant($"- Load average (1 min) during the run: min {Load.Min:0.00}, mean {Load.Mean:0.00}, max {Load.Max:0.00} ({Load.Count} samples, every 5 s)"));
        s.AppendLine();

        AppendHeadlines(s);
        AppendPaired(s);
        AppendThroughput(s);
        AppendCold(s);
        AppendTelemetry(s);

        s.AppendLine(End);
        return s.ToString();
    }

    private void AppendHeadlines(StringBuilder s)
    {
        var rows = Headlines().ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        s.AppendLine("| row (ours / baseline) | own pipeline | caller-owned HttpClient | acceptance (issue's \"today\") | goal | acceptance met | goal met |");
        s.AppendLine("|---|---:|---:|---|---|---|---|");
        foreach (var row in rows)
        {
            var bound = row.HigherIsBetter ? "≥" : "≤";
            s.AppendLine(Invariant(
                $"| {row.Row} | **{Fmt(row.OwnPipeline)}** | {Fmt(row.CallerOwned)} | {Limit(bound, row.Acceptance)} | {Limit(bound, row.Goal)} | {Met(row, row.Acceptance)} | {Met(row, row.Goal)} |"));
        }

        s.AppendLine();
        s.AppendLine("Met is shown as own pipeline / caller-owned HttpClient.");
        s.AppendLine();
    }

    private void AppendPaired(StringBuilder s)
    {
        if (Paired is not { Count: > 0 } paired)
        {
            return;
        }

        var first = paired[0];
        s.AppendLine(Invariant($"**Sequential calls, paired** ({first.Rounds} rounds; each round one block of about 10 ms of sequential calls per side, order rotating; ratios per round, median and interquartile range; per-call figures are medians over the rounds; CPU and allocations are the client process's, all threads):"));
        s.AppendLine();
        s.AppendLine("| scenario | our side | time ratio | IQR | CPU ratio | IQR | alloc ratio | ours: time, CPU, alloc per call | baseline: time, CPU, alloc per call | stub server CPU per request |");
        s.AppendLine("|---|---|---:|---|---:|---|---:|---:|---:|---:|");
        foreach (var r in paired)
        {
            s.AppendLine(Invariant(
                $"| {r.Title} | {r.Side} | **{r.Time.Median:0.00}x** | {r.Time.LowQuartile:0.00}–{r.Time.HighQuartile:0.00}x | {r.Cpu.Median:0.00}x | {r.Cpu.LowQuartile:0.00}–{r.Cpu.HighQuartile:0.00}x | {r.AllocRatio:0.00}x | ") + Invariant(
                $"{Micro(r.Ours.Nanoseconds)}, {Micro(r.Ours.CpuNanoseconds)}, {Bytes(r.Ours.Bytes)} | {Micro(r.Baseline.Nanoseconds)}, {Micro(r.Baseline.CpuNanoseconds)}, {Bytes(r.Baseline.Bytes)} | {r.ServerCpuMicrosecondsPerRequest:0.0} µs |"));
        }

        s.AppendLine();
    }

    private void AppendThroughput(StringBuilder s)
    {
        if (Throughput is not { Count: > 0 } throughput)
        {
            return;
        }

        var baseline = throughput.First(t => t.Side == Sides.BaselineName);
        s.AppendLine(Invariant($"**Throughput**: {baseline.MedianRound.Adds:N0} adds at concurrency {baseline.Concurrency}, new clients each round, {baseline.Rounds.Count} round(s) per side after 2 untimed ones, the sides back to back in each round (order alternating); ratios per round, median and interquartile range; connections as the stub server counted them:"));
        s.AppendLine();
        s.AppendLine("| side | req/s (median round) | throughput ratio | IQR | client CPU per add | CPU ratio | IQR | alloc per add | stub server CPU per request | errors (all rounds) | connections (max of rounds) |");
        s.AppendLine("|---|---:|---:|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var t in throughput)
        {
            var isBaseline = t == baseline;
            var rate = t.ThroughputRatio(baseline);
            var cpu = t.CpuRatio(baseline);
            s.AppendLine(Invariant(
                $"| {t.Side} | {t.MedianRound.RequestsPerSecond:0} | {(isBaseline ? "1.00" : $"**{rate.Median:0.00}x**")} | {(isBaseline ? "" : $"{rate.LowQuartile:0.00}–{rate.HighQuartile:0.00}x")} | ") + Invariant(
                $"{t.MedianCpuMicrosecondsPerAdd:0.0} µs | {(isBaseline ? "1.00" : $"**{cpu.Median:0.00}x**")} | {(isBaseline ? "" : $"{cpu.LowQuartile:0.00}–{cpu.HighQuartile:0.00}x")} | ") + Invariant(
                $"{Bytes(t.MedianBytesPerAdd)} | {t.MedianServerCpuMicrosecondsPerRequest:0.0} µs | {t.TotalErrors} | {t.MaxConnections} |"));
        }

        s.AppendLine();
    }

    private void AppendCold(StringBuilder s)
    {
        if (Cold is not { } cold)
        {
            return;
        }

        var wall = cold.Client.MedianWallMs / cold.Baseline.MedianWallMs;
        var inMain = cold.Client.MedianInMainMs / cold.Baseline.MedianInMainMs;
        s.AppendLine(Invariant(
            $"**Cold start** (own pipeline: `new PlivoApi(id, token, options)` then one add; {cold.Client.Samples.Count} launches per side, alternating, medians): ") + Invariant(
            $"process start → first successful add **{wall:0.00}x** ({cold.Client.MedianWallMs:0} ms vs {cold.Baseline.MedianWallMs:0} ms); ") + Invariant(
            $"entering Main → done {inMain:0.00}x ({cold.Client.MedianInMainMs:0} ms vs {cold.Baseline.MedianInMainMs:0} ms), of which entering Main → client built ") + Invariant(
            $"{cold.Client.MedianConstructedMs:0} ms vs {cold.Baseline.MedianConstructedMs:0} ms (`new PlivoApi` and the pool object; the baseline's static HttpClient)."));
        s.AppendLine();
    }

    private void AppendTelemetry(StringBuilder s)
    {
        if (Telemetry is not { Count: 3 } modes)
        {
            return;
        }

        s.AppendLine("**Telemetry cost** (own pipeline, sequential adds over the stub server in blocks of 200, the modes alternating each round; allocations exact, medians over the rounds):");
        s.AppendLine();
        s.AppendLine("| mode | allocated per add | vs reference | time per add |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var mode in modes)
        {
            s.AppendLine(Invariant($"| {mode.Name} | {mode.BytesPerAdd:0} B | {mode.BytesPerAdd - modes[0].BytesPerAdd:+0;-0;0} B | {mode.MicrosecondsPerAdd:0.0} µs |"));
        }

        s.AppendLine();
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

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }

    private static string Met(Headline row, double? limit)
    {
        if (limit is not { } l)
        {
            return "(reported)";
        }

        string One(double? ratio) => ratio is not { } r ? "—" : (row.HigherIsBetter ? r >= l : r <= l) ? "yes" : "**no**";
        return row.CallerOwned is null ? One(row.OwnPipeline) : $"{One(row.OwnPipeline)} / {One(row.CallerOwned)}";
    }

    private static string Limit(string bound, double? limit) => limit is { } l ? Invariant($"{bound} {l:0.00}x") : "—";

    private static string Fmt(double? ratio) => ratio is { } r ? Invariant($"{r:0.00}x") : "—";

    private static string Micro(double ns) => Invariant($"{ns / 1000:0.0} µs");

    private static string Bytes(double bytes) => bytes >= 1024 ? Invariant($"{bytes / 1024:0.0} KB") : Invariant($"{bytes:0} B");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
