// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | Pack | PackageTest | Verify | CI
//   Bench (--bench-mode=smoke|full, or --job=short for smoke) | BenchBuild
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string Library = "./src/Plivo.Generated/Plivo.Generated.csproj";
const string Spec = "./spec/plivo-numberpool.yaml";
const string GeneratorMarker = "NSwag: generating";
const string PackagesDir = "./artifacts/packages";
const string BenchProject = "./benchmarks/Plivo.Generated.Benchmarks/Plivo.Generated.Benchmarks.csproj";
const string BenchReport = "./docs/benchmarks.md";

// Each package and the target frameworks its lib/ must hold.
var packages = new Dictionary<string, string[]>
{
    ["Plivo.Generated"] = new[] { "netstandard2.0", "net8.0", "net10.0" },
    ["Plivo.Generated.DependencyInjection"] = new[] { "netstandard2.0", "net8.0", "net10.0" },
    ["Plivo.Generated.Testing"] = new[] { "net8.0", "net10.0" },
};

Task("Clean")
    .Does(() => DotNetClean(Solution, new DotNetCleanSettings { Configuration = configuration }));

Task("Build")
    .Does(() => DotNetBuild(Solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(Solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

// The README's main job: the QuickStart against the embedded sandbox.
Task("QuickStart")
    .IsDependentOn("Build")
    .Does(() => DotNetRun("./samples/QuickStart/QuickStart.csproj", new DotNetRunSettings { Configuration = configuration, NoBuild = true }));

// Proves the generation rule: a build with nothing changed does not run NSwag; a build after a spec change does.
Task("CheckIncrementalGeneration")
    .Does(() =>
{
    BuildLibrary();
    var unchanged = BuildLibrary();
    if (unchanged.Any(line => line.Contains(GeneratorMarker)))
    {
        throw new CakeException("A build with nothing changed ran NSwag:\n" + string.Join("\n", unchanged.Where(l => l.Contains(GeneratorMarker))));
    }
    Information("No-op build: NSwag did not run.");

    System.IO.File.SetLastWriteTimeUtc(Spec, DateTime.UtcNow);
    var afterSpecChange = BuildLibrary();
    var runs = afterSpecChange.Count(line => line.Contains(GeneratorMarker));
    if (runs == 0)
    {
        throw new CakeException("A build after a spec change did not run NSwag.");
    }
    Information($"Build after a spec change: NSwag ran {runs} time(s), once per target framework.");
});

Task("Pack")
    .Does(() =>
{
    CleanDirectory(PackagesDir);
    DotNetPack(Solution, new DotNetPackSettings { Configuration = "Release", OutputDirectory = PackagesDir });
});

// A consumer outside the solution restores the packed packages by version from artifacts/packages only, builds for
// net10.0, and runs the Version-1 and Version-2 add (and the README's xUnit snippet) against the packaged sandbox.
Task("PackageTest")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var version = XmlPeek("./Directory.Build.props", "/Project/PropertyGroup/Version");
    foreach (var package in packages)
    {
        CheckPackageContents(package.Key, version, package.Value);
    }

    var work = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plivo-consumer-" + Guid.NewGuid().ToString("N"));
    try
    {
        CopyDirectory("./tests/PackageConsumer", work);
        var feed = MakeAbsolute(Directory(PackagesDir)).FullPath;
        var cache = System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // Plivo.Generated* come from artifacts/packages only; everything else from nuget.org. A private package folder
        // keeps earlier packs of the same version out; the user's cache serves the rest (it never holds our packages:
        // only this consumer restores them).
        System.IO.File.WriteAllText(System.IO.Path.Combine(work, "NuGet.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <config><add key=""globalPackagesFolder"" value=""{work}/packages"" /></config>
  <fallbackPackageFolders><clear /><add key=""user-cache"" value=""{cache}"" /></fallbackPackageFolders>
  <packageSources><clear /><add key=""local"" value=""{feed}"" /><add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" /></packageSources>
  <packageSourceMapping>
    <packageSource key=""local""><package pattern=""Plivo.Generated"" /><package pattern=""Plivo.Generated.*"" /></packageSource>
    <packageSource key=""nuget.org""><package pattern=""*"" /></packageSource>
  </packageSourceMapping>
</configuration>");

        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"run --project {work}/Consumer/Consumer.csproj -p:PlivoVersion={version}",
            WorkingDirectory = work,
            RedirectStandardOutput = true,
        }, out var output);
        var lines = output.ToList();
        Information(string.Join("\n", lines));
        if (exitCode != 0 || !lines.Contains("Version 1 added 18772209942") || !lines.Contains("Version 2 added 18005550100") || !lines.Contains("DI found 18005550100"))
        {
            throw new CakeException($"The package consumer did not add both numbers (exit code {exitCode}).");
        }

        DotNetTest($"{work}/ConsumerTests.XUnit/ConsumerTests.XUnit.csproj", new DotNetTestSettings
        {
            WorkingDirectory = work,
            ArgumentCustomization = args => args.Append($"-p:PlivoVersion={version}"),
        });
    }
    finally
    {
        if (DirectoryExists(work))
        {
            DeleteDirectory(work, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }
});

// The benchmarks against the hand-written baseline (never part of Test). Full (default): BenchmarkDotNet's full job,
// 15 cold starts per side, 5 throughput rounds; waits up to 10 min for a 1-minute load average below 2, then writes the
// ratio table into docs/benchmarks.md. Smoke (--bench-mode=smoke or --job=short, for CI): in-process BDN with 3
// iterations, 2 cold starts, 2,000 adds, ~1-2 min; its report goes to artifacts/benchmarks/smoke.md.
Task("Bench")
    .Does(() =>
{
    var mode = Argument("bench-mode", Argument("job", "full") == "short" ? "smoke" : "full");
    if (mode != "smoke" && mode != "full")
    {
        throw new CakeException($"--bench-mode is smoke or full, not '{mode}'.");
    }

    DotNetBuild(BenchProject, new DotNetBuildSettings { Configuration = "Release" });
    var report = mode == "smoke" ? "./artifacts/benchmarks/smoke.md" : BenchReport;
    var command = $"dotnet cake --target=Bench --bench-mode={mode}";
    var arguments = $"run --project {BenchProject} -c Release --no-build -- --mode {mode} --report {report} --command \"{command}\"";
    if (mode == "full")
    {
        arguments += " --wait-load " + Argument("wait-load", "2") + " --wait-max 600";
    }

    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
    if (exitCode != 0)
    {
        throw new CakeException($"The benchmarks failed (exit code {exitCode}).");
    }
});

// The build loop: a no-op build must not run NSwag, and a build after a spec edit may cost at most 1.5x a build after
// editing one hand-written file. Touches the spec and PlivoApi.cs alternately, 3 builds each, and writes the medians.
Task("BenchBuild")
    .Does(() =>
{
    BuildLibrary();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var noop = BuildLibrary();
    var noopSeconds = clock.Elapsed.TotalSeconds;
    if (noop.Any(line => line.Contains(GeneratorMarker)))
    {
        throw new CakeException("A no-op build ran NSwag.");
    }

    var handWrittenFile = "./src/Plivo.Generated/PlivoApi.cs";
    var spec = new List<double>();
    var handWritten = new List<double>();
    var loads = new List<string> { LoadAverage() };
    for (var i = 0; i < 3; i++)
    {
        foreach (var (file, times, mustGenerate) in i % 2 == 0
            ? new[] { (Spec, spec, true), (handWrittenFile, handWritten, false) }
            : new[] { (handWrittenFile, handWritten, false), (Spec, spec, true) })
        {
            System.IO.File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
            clock.Restart();
            var lines = BuildLibrary();
            times.Add(clock.Elapsed.TotalSeconds);
            var generated = lines.Any(line => line.Contains(GeneratorMarker));
            if (generated != mustGenerate)
            {
                throw new CakeException($"After touching {file} NSwag {(generated ? "ran" : "did not run")}.");
            }
            Information($"touch {file}: {times.Last():0.0} s{(generated ? " (NSwag ran)" : "")}");
        }
        loads.Add(LoadAverage());
    }

    var specMedian = spec.OrderBy(t => t).ElementAt(1);
    var handMedian = handWritten.OrderBy(t => t).ElementAt(1);
    var ratio = specMedian / handMedian;
    var section = string.Join("\n", new[]
    {
        "<!-- build:begin (written by dotnet cake --target=BenchBuild; do not edit by hand) -->",
        $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `dotnet cake --target=BenchBuild` (`dotnet build {Library}`, {configuration}, all three target frameworks; the two kinds of edit alternate). 1-minute load average at the start and after each pair: {string.Join(", ", loads)}.",
        "",
        "| build | runs (s) | median (s) |",
        "|---|---|---:|",
        $"| no-op (NSwag must not run; it did not) | {noopSeconds:0.0} | {noopSeconds:0.0} |",
        $"| after touching `spec/plivo-numberpool.yaml` (NSwag runs once per target framework) | {string.Join(", ", spec.Select(t => t.ToString("0.0")))} | {specMedian:0.0} |",
        $"| after touching `src/Plivo.Generated/PlivoApi.cs` | {string.Join(", ", handWritten.Select(t => t.ToString("0.0")))} | {handMedian:0.0} |",
        "",
        $"Spec edit / hand-written edit: **{ratio:0.00}x** (goal ≤ 1.50x: {(ratio <= 1.5 ? "met" : "**missed**")}).",
        "<!-- build:end -->",
    });
    var text = System.IO.File.Exists(BenchReport) ? System.IO.File.ReadAllText(BenchReport) : "# Benchmarks\n";
    var begin = text.IndexOf("<!-- build:begin");
    var end = text.IndexOf("<!-- build:end -->");
    text = begin >= 0 && end > begin
        ? text.Substring(0, begin) + section + text.Substring(end + "<!-- build:end -->".Length)
        : text.TrimEnd() + "\n\n## Build loop\n\n" + section + "\n";
    System.IO.File.WriteAllText(BenchReport, text);
    Information($"Spec edit {specMedian:0.0} s, hand-written edit {handMedian:0.0} s: {ratio:0.00}x. Written to {BenchReport}.");
});

Task("Verify")
    .IsDependentOn("QuickStart")
    .IsDependentOn("CheckIncrementalGeneration")
    .IsDependentOn("PackageTest");

Task("CI")
    .IsDependentOn("Test")
    .IsDependentOn("Verify");

RunTarget(target);

// Every target framework's dll and XML docs, the README, the licence expression, and a .snupkg with the PDBs.
void CheckPackageContents(string id, string version, string[] frameworks)
{
    var nupkg = $"{PackagesDir}/{id}.{version}.nupkg";
    var snupkg = $"{PackagesDir}/{id}.{version}.snupkg";
    if (!FileExists(nupkg) || !FileExists(snupkg))
    {
        throw new CakeException($"{id}: {nupkg} or {snupkg} is missing.");
    }

    var expected = frameworks.SelectMany(tfm => new[] { $"lib/{tfm}/{id}.dll", $"lib/{tfm}/{id}.xml" }).Append("README.md").ToList();
    using (var zip = System.IO.Compression.ZipFile.OpenRead(nupkg))
    {
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        var missing = expected.Where(e => !entries.Contains(e)).ToList();
        var nuspec = new System.IO.StreamReader(zip.GetEntry($"{id}.nuspec").Open()).ReadToEnd();
        if (!nuspec.Contains("<license type=\"expression\">MIT</license>"))
        {
            missing.Add("the MIT licence expression in the nuspec");
        }

        if (missing.Count > 0)
        {
            throw new CakeException($"{id} lacks: {string.Join(", ", missing)}");
        }
    }

    using (var zip = System.IO.Compression.ZipFile.OpenRead(snupkg))
    {
        var pdbs = frameworks.Select(tfm => $"lib/{tfm}/{id}.pdb").Where(p => zip.GetEntry(p) is null).ToList();
        if (pdbs.Count > 0)
        {
            throw new CakeException($"{id}.snupkg lacks: {string.Join(", ", pdbs)}");
        }
    }

    Information($"{id} {version}: {string.Join(", ", frameworks)} dll + xml, README, licence, snupkg: OK");
}

List<string> BuildLibrary()
{
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"build {Library} --configuration {configuration} -nologo",
        RedirectStandardOutput = true,
    }, out var output);
    var lines = output.ToList();
    if (exitCode != 0)
    {
        throw new CakeException($"dotnet build failed ({exitCode}):\n" + string.Join("\n", lines));
    }
    return lines;
}

string LoadAverage() =>
    System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
