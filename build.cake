// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | Verify | CI | ContractTest
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string Library = "./src/Plivo.Generated/Plivo.Generated.csproj";
const string Spec = "./spec/plivo-numberpool.yaml";
const string GeneratorMarker = "NSwag: generating";
const string ContractTools = "./tools/contract";
const string ContractTests = "./tests/Plivo.Generated.ContractTests/Plivo.Generated.ContractTests.csproj";

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

Task("Verify")
    .IsDependentOn("QuickStart")
    .IsDependentOn("CheckIncrementalGeneration");

Task("CI")
    .IsDependentOn("Test")
    .IsDependentOn("Verify");

RunTarget(target);

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
