// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | LintSpec | Pack | PackageTest |
//   ContractTest | VerifyRegeneration | Verify | CI |
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
const string ContractTools = "./tools/contract";
const string ContractTests = "./tests/Plivo.Generated.ContractTests/Plivo.Generated.ContractTests.csproj";
const string SpecDir = "./spec";

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

// Proves the contract-first loop on a throwaway copy of the repo (the working tree is never touched; the copy is deleted
// at the end, or kept with --keep-regen-copy=true): (1) a second build with nothing changed does not run NSwag; (2) a new
// operation in the spec (Powerpack List) appears as ListAsync on the generated IPowerpackClient/PowerpackClient with no
// file but the spec changed; (3) renaming a schema the hand-written layer uses (TollfreeNumber) fails the build with a
// compiler error naming the type. Only the library project is built (all its target frameworks; net10.0 alone for (3)).
Task("VerifyRegeneration")
    .Does(() =>
{
    var total = System.Diagnostics.Stopwatch.StartNew();
    var copy = CopyRepositoryToTemp();
    Information($"Copied the repository's files to {copy}");
    try
    {
        var specPath = System.IO.Path.Combine(copy, Spec);
        var originalSpec = System.IO.File.ReadAllText(specPath);
        var before = HashRepositoryFiles(copy);

        // 1. Incremental: the first build generates, a second one with nothing changed does not.
        var step = System.Diagnostics.Stopwatch.StartNew();
        var first = BuildLibraryIn(copy, mustSucceed: true, restore: true);
        if (!first.Lines.Any(l => l.Contains(GeneratorMarker)))
        {
            throw new CakeException("VerifyRegeneration: the first build of the fresh copy did not run NSwag.");
        }
        var second = BuildLibraryIn(copy, mustSucceed: true);
        var reruns = second.Lines.Where(l => l.Contains(GeneratorMarker)).ToList();
        if (reruns.Count > 0)
        {
            throw new CakeException("VerifyRegeneration: a build with nothing changed ran NSwag:\n" + string.Join("\n", reruns));
        }
        AssertOnlySpecChanged(copy, before, "after two builds");
        Information($"1. No-op build: NSwag did not run ({step.Elapsed.TotalSeconds:F0} s).");

        // 2. A new operation in the spec becomes a generated method; no hand-written file changes.
        step.Restart();
        System.IO.File.WriteAllText(specPath, AddPowerpackListOperation(originalSpec));
        var added = BuildLibraryIn(copy, mustSucceed: true);
        var generations = added.Lines.Count(l => l.Contains(GeneratorMarker));
        var clients = GeneratedClientFiles(copy);
        if (generations == 0 || generations != clients.Count)
        {
            throw new CakeException($"VerifyRegeneration: after adding an operation NSwag ran {generations} time(s) for {clients.Count} generated file(s).");
        }
        foreach (var client in clients)
        {
            var code = System.IO.File.ReadAllText(client);
            RequireInType(code, "public partial interface IPowerpackClient", PowerpackListSignature + @"\s*;", client);
            RequireInType(code, "public partial class PowerpackClient", @"public virtual async " + PowerpackListSignature, client);
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, @"public partial class PowerpackList\b"))
            {
                throw new CakeException($"VerifyRegeneration: {client} has no PowerpackList class.");
            }
        }
        AssertOnlySpecChanged(copy, before, "after adding Powerpack List to the spec");
        Information($"2. Powerpack List added to the spec: ListAsync generated on IPowerpackClient and PowerpackClient in {clients.Count} file(s), no other file changed ({step.Elapsed.TotalSeconds:F0} s).");

        // 3. Renaming a schema the hand-written layer uses breaks the build, naming the type.
        step.Restart();
        const string usedSchema = "TollfreeNumber", newName = "TollfreeNumberResource";
        System.IO.File.WriteAllText(specPath, RenameSchema(originalSpec, usedSchema, newName));
        // One target framework is enough to show the compiler error (the generated code is the same for all of them).
        var renamed = BuildLibraryIn(copy, mustSucceed: false, framework: "net10.0");
        if (renamed.ExitCode == 0)
        {
            throw new CakeException($"VerifyRegeneration: renaming schema {usedSchema} to {newName} did not break the build.");
        }
        if (!renamed.Lines.Any(l => l.Contains(GeneratorMarker)))
        {
            throw new CakeException("VerifyRegeneration: the build after renaming a schema failed before NSwag ran:\n" + string.Join("\n", renamed.Lines.TakeLast(30)));
        }
        var errors = renamed.Lines
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*(?<file>[^(]+)\(\d+,\d+\): error (?<code>CS\d{4}): (?<message>.*?)(?: \[[^\]]*\])?$"))
            .Where(m => m.Success)
            .Select(m => (File: m.Groups["file"].Value, Code: m.Groups["code"].Value, Message: m.Groups["message"].Value, Line: m.Value.Trim()))
            .Distinct()
            .ToList();
        var naming = errors
            .Where(e => e.Message.Contains($"'{usedSchema}'") && !e.File.EndsWith(".g.cs"))
            .ToList();
        if (naming.Count == 0)
        {
            throw new CakeException($"VerifyRegeneration: the build failed, but with no compiler error in a hand-written file naming '{usedSchema}':\n" + string.Join("\n", renamed.Lines.TakeLast(30)));
        }
        AssertOnlySpecChanged(copy, before, "after renaming a schema");
        Information($"3. Schema {usedSchema} renamed to {newName}: the build fails with {naming.Count} compiler error(s) naming it in hand-written files ({step.Elapsed.TotalSeconds:F0} s), e.g.");
        foreach (var error in naming.Take(3))
        {
            Information("   " + error.Line.Replace(copy, "<copy>"));
        }
        Information($"VerifyRegeneration passed in {total.Elapsed.TotalSeconds:F0} s.");
    }
    finally
    {
        if (Argument("keep-regen-copy", false))
        {
            Information($"Kept the copy at {copy}");
        }
        else
        {
            System.IO.Directory.Delete(copy, recursive: true);
        }
    }
});

// Prism (@stoplight/prism-cli, pinned in tools/contract/package.json + package-lock.json), installed with `npm ci`
// only when node_modules is missing or was installed from another lock file. Needs node and npm on PATH.
Task("ContractTools")
    .Does(() =>
{
    var lockHash = CalculateFileHash($"{ContractTools}/package-lock.json").ToHex();
    var stamp = $"{ContractTools}/node_modules/.installed-from-lock";
    var prismCli = $"{ContractTools}/node_modules/@stoplight/prism-cli/dist/index.js";
    if (FileExists(prismCli) && FileExists(stamp) && System.IO.File.ReadAllText(stamp).Trim() == lockHash)
    {
        Information("Prism is installed from the current package-lock.json.");
        return;
    }

    Information("npm ci in tools/contract (Prism)...");
    // --ignore-scripts: nothing here needs an install script (and @scarf/scarf's would phone home).
    var exitCode = StartProcess("npm", new ProcessSettings
    {
        Arguments = "ci --ignore-scripts --no-audit --no-fund",
        WorkingDirectory = ContractTools,
    });
    if (exitCode != 0)
    {
        throw new CakeException($"npm ci in {ContractTools} failed ({exitCode}).");
    }
    System.IO.File.WriteAllText(stamp, lockHash);
});

// The client and PlivoSandbox checked against the spec by Prism: phase "proxy" (client -> prism proxy --errors ->
// sandbox, every operation in its success and error cases), then phase "mock" (client -> prism mock --errors, every
// operation succeeds on the spec's examples). Fails on any unexpected result and on any violation Prism logs.
// `--phase=proxy|mock` runs one phase; Prism's logs land in artifacts/contract/.
Task("ContractTest")
    .IsDependentOn("ContractTools")
    .Does(() =>
{
    DotNetBuild(ContractTests, new DotNetBuildSettings { Configuration = configuration });
    DotNetRun(ContractTests, new ProcessArgumentBuilder().Append("--phase").Append(Argument("phase", "all")), new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    });
});

// Lints the contract with Spectral (spec/.spectral.yaml) and Redocly (spec/redocly.yaml), the versions pinned in
// spec/package-lock.json. Any error or warning from either fails the task. Needs Node.js and npm.
Task("LintSpec")
    .Does(() =>
{
    // npm ci writes node_modules/.package-lock.json; reinstall when it is missing or older than the lock file.
    var installed = System.IO.Path.Combine(SpecDir, "node_modules", ".package-lock.json");
    var lockFile = System.IO.Path.Combine(SpecDir, "package-lock.json");
    if (!System.IO.File.Exists(installed) || System.IO.File.GetLastWriteTimeUtc(lockFile) > System.IO.File.GetLastWriteTimeUtc(installed))
    {
        Npm("ci --no-audit --no-fund");
    }
    else
    {
        Information("spec/node_modules is up to date with spec/package-lock.json; skipping npm ci.");
    }

    // Both linters, then test:rules (each of our rules still fires on a copy of the spec broken for it). All three
    // run even when one fails, so one run shows every problem.
    var failed = new List<string>();
    foreach (var script in new[] { "lint:spectral", "lint:redocly", "test:rules" })
    {
        if (StartProcess(NpmExecutable(), new ProcessSettings { Arguments = $"run {script}", WorkingDirectory = SpecDir }) != 0)
        {
            failed.Add(script);
        }
    }
    if (failed.Count > 0)
    {
        throw new CakeException($"Spec lint failed ({string.Join(", ", failed)}): the spec must have zero errors and zero warnings, and each of our rules must fire on the copy broken for it.");
    }
    Information("Spec lint: Spectral and Redocly found no errors and no warnings; each of our rules fires when broken.");
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
    .IsDependentOn("LintSpec")
    .IsDependentOn("QuickStart")
    .IsDependentOn("CheckIncrementalGeneration")
    .IsDependentOn("PackageTest")
    .IsDependentOn("ContractTest")
    .IsDependentOn("VerifyRegeneration");

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

string NpmExecutable() => IsRunningOnWindows() ? "npm.cmd" : "npm";

void Npm(string arguments)
{
    var exitCode = StartProcess(NpmExecutable(), new ProcessSettings { Arguments = arguments, WorkingDirectory = SpecDir });
    if (exitCode != 0)
    {
        throw new CakeException($"npm {arguments} failed ({exitCode}) in {SpecDir}.");
    }
}
// ---- VerifyRegeneration helpers ----

const string PowerpackListSignature =
    @"System\.Threading\.Tasks\.Task<PowerpackList> ListAsync\(string auth_id, int\? limit = null, int\? offset = null, System\.Threading\.CancellationToken cancellationToken = default\(System\.Threading\.CancellationToken\)\)";

// The repository's files as git sees them (tracked, plus new files not ignored), as they are on disk, into a new temp folder.
string CopyRepositoryToTemp()
{
    var root = MakeAbsolute(Directory(".")).FullPath;
    var exitCode = StartProcess("git", new ProcessSettings
    {
        Arguments = "-c core.quotePath=false ls-files --cached --others --exclude-standard",
        WorkingDirectory = root,
        RedirectStandardOutput = true,
    }, out var listed);
    var files = listed.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
    if (exitCode != 0 || files.Count == 0)
    {
        throw new CakeException($"VerifyRegeneration: `git ls-files` failed ({exitCode}) or listed nothing in {root}.");
    }
    var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plivo-regen-" + Guid.NewGuid().ToString("N").Substring(0, 8));
    foreach (var file in files)
    {
        var source = System.IO.Path.Combine(root, file);
        if (!System.IO.File.Exists(source))
        {
            continue; // deleted in the working tree
        }
        var target = System.IO.Path.Combine(copy, file);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target));
        System.IO.File.Copy(source, target);
    }
    return copy;
}

// Builds the library in the copy (every target framework, or one); only the first build needs a restore.
(int ExitCode, List<string> Lines) BuildLibraryIn(string root, bool mustSucceed, bool restore = false, string framework = null)
{
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"build {Library} --configuration {configuration} -nologo"
            + (restore ? "" : " --no-restore")
            + (framework is null ? "" : $" --framework {framework}"),
        WorkingDirectory = root,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    }, out var output, out var errors);
    var lines = output.Concat(errors).ToList();
    if (mustSucceed && exitCode != 0)
    {
        throw new CakeException($"VerifyRegeneration: dotnet build failed ({exitCode}) in {root}:\n" + string.Join("\n", lines));
    }
    return (exitCode, lines);
}

// SHA-256 of every file outside bin/ and obj/, by path relative to root.
Dictionary<string, string> HashRepositoryFiles(string root)
{
    var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
    var pending = new Stack<string>(new[] { root });
    while (pending.Count > 0)
    {
        var folder = pending.Pop();
        foreach (var sub in System.IO.Directory.GetDirectories(folder))
        {
            var name = System.IO.Path.GetFileName(sub);
            if (name != "bin" && name != "obj")
            {
                pending.Push(sub);
            }
        }
        foreach (var file in System.IO.Directory.GetFiles(folder))
        {
            using var stream = System.IO.File.OpenRead(file);
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            hashes[relative] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
        }
    }
    return hashes;
}

void AssertOnlySpecChanged(string root, Dictionary<string, string> before, string when)
{
    var spec = Spec.TrimStart('.', '/');
    var after = HashRepositoryFiles(root);
    var changed = before.Keys.Union(after.Keys)
        .Where(f => f != spec)
        .Where(f => !before.TryGetValue(f, out var b) || !after.TryGetValue(f, out var a) || a != b)
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToList();
    if (changed.Count > 0)
    {
        throw new CakeException($"VerifyRegeneration: files other than {spec} were added, removed or changed {when} (generated code belongs in obj/):\n  " + string.Join("\n  ", changed));
    }
}

List<string> GeneratedClientFiles(string root)
{
    var obj = System.IO.Path.Combine(root, "src", "Plivo.Generated", "obj", configuration);
    return System.IO.Directory.GetDirectories(obj)
        .Select(tfm => System.IO.Path.Combine(tfm, "Generated", "Client.g.cs"))
        .Where(System.IO.File.Exists)
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToList();
}

// The body of the first type declared by `declaration` (from its line to the matching closing brace) must match `pattern`.
void RequireInType(string code, string declaration, string pattern, string file)
{
    var start = code.IndexOf(declaration, StringComparison.Ordinal);
    if (start < 0)
    {
        throw new CakeException($"VerifyRegeneration: {file} has no `{declaration}`.");
    }
    var open = code.IndexOf('{', start);
    var depth = 0;
    var end = open;
    for (; end < code.Length; end++)
    {
        if (code[end] == '{') depth++;
        else if (code[end] == '}' && --depth == 0) break;
    }
    var body = code.Substring(start, end - start);
    if (!System.Text.RegularExpressions.Regex.IsMatch(body, pattern))
    {
        var methods = body.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Async(") && !l.StartsWith("//") && !l.Contains("await ")).Select(l => "    " + l);
        throw new CakeException($"VerifyRegeneration: `{declaration}` in {file} has no member matching\n  {pattern}\n  Its methods:\n" + string.Join("\n", methods));
    }
}

// Adds GET /Account/{auth_id}/Powerpack/ (operationId Powerpack_List, tag Powerpack) and its PowerpackList schema to the
// spec text. operationIds are <Tag>_<Verb>: unique in the document as OpenAPI requires (NSwag renames a duplicate to
// List2), and the generator (MultipleClientsFromFirstTagAndOperationName) makes the method name from the verb.
string AddPowerpackListOperation(string spec)
{
    if (spec.Contains("/Account/{auth_id}/Powerpack/:") || System.Text.RegularExpressions.Regex.IsMatch(spec, @"(?m)^    PowerpackList:"))
    {
        throw new CakeException("VerifyRegeneration: the spec already has Powerpack List; pick another operation to add.");
    }
    // The same error responses as the spec's first operation.
    var errorResponses = System.Text.RegularExpressions.Regex.Matches(spec, @"(?m)^        (""[45]\d\d""|default): \{ \$ref: ""#/components/responses/\w+"" \}\r?$")
        .Select(m => m.Value.TrimEnd('\r'))
        .GroupBy(line => line.Split(':')[0])
        .Select(g => g.First())
        .ToList();
    if (errorResponses.Count == 0)
    {
        throw new CakeException("VerifyRegeneration: found no error responses (\"400\": { $ref: ... }) to reuse in the spec.");
    }
    var path = string.Join("\n", new[]
    {
        "  /Account/{auth_id}/Powerpack/:",
        "    parameters:",
        "      - $ref: \"#/components/parameters/AuthId\"",
        "    get:",
        "      tags: [Powerpack]",
        "      operationId: Powerpack_List",
        "      summary: List the account's Powerpacks",
        "      description: Returns one page of the account's Powerpacks; page with `limit` and `offset` until `meta.next` is null.",
        "      parameters:",
        "        - name: limit",
        "          in: query",
        "          required: false",
        "          description: How many Powerpacks one page holds (1 to 20).",
        "          schema: { type: integer, format: int32, minimum: 1, maximum: 20 }",
        "        - name: offset",
        "          in: query",
        "          required: false",
        "          description: How many Powerpacks to skip before the page starts (0 or more).",
        "          schema: { type: integer, format: int32, minimum: 0 }",
        "      responses:",
        "        \"200\":",
        "          description: One page of Powerpacks.",
        "          content:",
        "            application/json:",
        "              schema:",
        "                $ref: \"#/components/schemas/PowerpackList\"",
        "              example:",
        "                api_id: 5b2a3a2c-7a36-11e8-aea7-0242ac110002",
        "                meta: { limit: 20, next: null, offset: 0, previous: null, total_count: 1 }",
        "                objects:",
        "                  - api_id: 5b2a3a2c-7a36-11e8-aea7-0242ac110002",
        "                    application_id: \"\"",
        "                    application_type: \"\"",
        "                    created_on: \"2019-10-09T11:10:59.741978Z\"",
        "                    local_connect: true",
        "                    name: marketing",
        "                    number_pool: /v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/",
        "                    sticky_sender: true",
        "                    uuid: d35f2e82-d387-427f-8594-6fa07613c43a",
    }.Concat(errorResponses)) + "\n\n";
    var schema = string.Join("\n", new[]
    {
        "    PowerpackList:",
        "      type: object",
        "      description: One page of the account's Powerpacks.",
        "      additionalProperties: true",
        "      properties:",
        "        api_id:",
        "          type: string",
        "          description: Plivo's identifier of this API call.",
        "        meta:",
        "          $ref: \"#/components/schemas/ListMeta\"",
        "        objects:",
        "          type: array",
        "          description: The Powerpacks on this page.",
        "          items:",
        "            $ref: \"#/components/schemas/PowerpackResource\"",
    }) + "\n\n";
    return InsertAfterLine(InsertAfterLine(spec, "paths:", path), "  schemas:", schema);
}

string InsertAfterLine(string text, string line, string insert)
{
    var match = System.Text.RegularExpressions.Regex.Match(text, "(?m)^" + System.Text.RegularExpressions.Regex.Escape(line) + @"\r?\n(\r?\n)*");
    if (!match.Success)
    {
        throw new CakeException($"VerifyRegeneration: the spec has no line `{line}`.");
    }
    return text.Substring(0, match.Index + match.Length) + insert + text.Substring(match.Index + match.Length);
}

// Renames a schema in components/schemas and every $ref to it.
string RenameSchema(string spec, string from, string to)
{
    var schemas = System.Text.RegularExpressions.Regex.Match(spec, @"(?m)^  schemas:\r?$");
    if (!schemas.Success)
    {
        throw new CakeException("VerifyRegeneration: the spec has no components/schemas.");
    }
    var key = new System.Text.RegularExpressions.Regex("(?m)^    " + from + @":(?=\r?$)");
    var tail = spec.Substring(schemas.Index);
    if (!key.IsMatch(tail))
    {
        throw new CakeException($"VerifyRegeneration: the spec has no schema {from}.");
    }
    tail = key.Replace(tail, "    " + to + ":", 1);
    var refs = new System.Text.RegularExpressions.Regex("#/components/schemas/" + from + @"\b");
    var renamed = refs.Replace(spec.Substring(0, schemas.Index) + tail, "#/components/schemas/" + to);
    if (refs.IsMatch(renamed) || refs.Matches(spec).Count == 0)
    {
        throw new CakeException($"VerifyRegeneration: renaming the $refs to schema {from} went wrong.");
    }
    return renamed;
}
string LoadAverage() =>
    System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
