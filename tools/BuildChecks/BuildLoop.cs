using System.Diagnostics;

namespace BuildChecks;

/// <summary>
/// The build loop a contract-first team lives in: a no-op build must not run NSwag, and a build after a spec edit
/// should cost at most 1.5x a build after editing one hand-written file. Touches the spec and PlivoApi.cs alternately,
/// three builds each, and writes the medians as a Markdown section to a report file (never to a tracked file).
/// </summary>
internal static class BuildLoop
{
    private const string HandWritten = "src/Plivo.Generated/PlivoApi.cs";

    public static void Run(string root, string configuration, string report)
    {
        Repository.BuildLibrary(root, configuration);
        var noop = Repository.BuildLibrary(root, configuration);
        if (Repository.Generations(noop) > 0)
        {
            throw new CheckFailedException("a no-op build ran NSwag");
        }

        var spec = new List<double>();
        var handWritten = new List<double>();
        var loads = new List<string> { LoadAverage() };
        for (var i = 0; i < 3; i++)
        {
            var order = i % 2 == 0
                ? new[] { (Repository.Spec, spec, true), (HandWritten, handWritten, false) }
                : new[] { (HandWritten, handWritten, false), (Repository.Spec, spec, true) };
            foreach (var (file, times, mustGenerate) in order)
            {
                File.SetLastWriteTimeUtc(Path.Combine(root, file), DateTime.UtcNow);
                var build = Repository.BuildLibrary(root, configuration);
                times.Add(build.Elapsed.TotalSeconds);
                var generated = Repository.Generations(build) > 0;
                if (generated != mustGenerate)
                {
                    throw new CheckFailedException($"after touching {file} NSwag {(generated ? "ran" : "did not run")}");
                }

                Console.WriteLine($"touch {file}: {times[^1]:0.0} s{(generated ? " (NSwag ran)" : "")}");
            }

            loads.Add(LoadAverage());
        }

        var specMedian = spec.Order().ElementAt(1);
        var handMedian = handWritten.Order().ElementAt(1);
        var ratio = specMedian / handMedian;
        var section = string.Join("\n",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `dotnet cake --target=BenchBuild` (`dotnet build {Repository.Library}`, {configuration}, all three target frameworks; the two kinds of edit alternate). 1-minute load average at the start and after each pair: {string.Join(", ", loads)}.",
            "",
            "| build | runs (s) | median (s) |",
            "|---|---|---:|",
            $"| no-op (NSwag must not run; it did not) | {noop.Elapsed.TotalSeconds:0.0} | {noop.Elapsed.TotalSeconds:0.0} |",
            $"| after touching `{Repository.Spec}` (NSwag runs once per target framework) | {string.Join(", ", spec.Select(t => t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} | {specMedian:0.0} |",
            $"| after touching `{HandWritten}` | {string.Join(", ", handWritten.Select(t => t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} | {handMedian:0.0} |",
            "",
            $"Spec edit / hand-written edit: **{ratio:0.00}x** (goal ≤ 1.50x: {(ratio <= 1.5 ? "met" : "**missed**")}).");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(report))!);
        File.WriteAllText(report, section + "\n");
        Console.WriteLine($"Spec edit {specMedian:0.0} s, hand-written edit {handMedian:0.0} s: {ratio:0.00}x. Written to {report}.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
