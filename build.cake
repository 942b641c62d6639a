// build.cake: thin tasks over the dotnet CLI, npm and tools/BuildChecks. Run `dotnet tool restore` once, then
// `dotnet cake [--target=X]`:
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | LintSpec | Pack | PackageTest |
//   ContractTest | SdkInterop | SandboxToolInterop | VerifyRegeneration | Verify | CI | Bench (--bench-mode=smoke|full, or --job=short) |
//   BenchBuild | SandboxLoad
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string PackagesDir = "./artifacts/packages";
const string BenchProject = "./benchmarks/Plivo.Generated.Benchmarks/Plivo.Generated.Benchmarks.csproj";
const string BuildChecks = "./tools/BuildChecks/BuildChecks.csproj";
const string ContractTools = "./tools/contract";
const string ContractTests = "./tests/Plivo.Generated.ContractTests/Plivo.Generated.ContractTests.csproj";
const string SpecDir = "./spec";
const string SdkInteropTools = "./tools/sdk-interop";
const string SdkInteropTests = "./tests/Plivo.Generated.SdkInterop/Plivo.Generated.SdkInterop.csproj";

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

// A build with nothing changed does not run NSwag; a build after a spec change does (in the working tree).
Task("CheckIncrementalGeneration")
    .Does(() => RunBuildChecks("incremental"));

Task("Pack")
    .Does(() =>
{
    CleanDirectory(PackagesDir);
    DotNetPack(Solution, new DotNetPackSettings { Configuration = "Release", OutputDirectory = PackagesDir });
});

// The packages' contents, then a consumer outside the solution restores them by version and runs against them.
Task("PackageTest")
    .IsDependentOn("Pack")
    .Does(() => RunBuildChecks($"packages --packages {MakeAbsolute(Directory(PackagesDir)).FullPath}"));

// docs/contract.md's two recipes ("Add a field", "Add an operation"), the incremental rule and a breaking rename,
// proven on a throwaway copy of the repository (--keep-regen-copy=true keeps it).
Task("VerifyRegeneration")
    .Does(() => RunBuildChecks("recipes" + (Argument("keep-regen-copy", false) ? " --keep" : "")));

// Prism (@stoplight/prism-cli, pinned in tools/contract), installed with `npm ci` when node_modules is missing or was
// installed from another lock file.
Task("ContractTools")
    .Does(() => NpmCiWhenStale(ContractTools, "ci --ignore-scripts --no-audit --no-fund"));

// The client and PlivoSandbox checked against the spec by Prism: proxy (client -> prism proxy -> sandbox) and mock;
// every operation of the spec must be exercised. `--phase=proxy|mock` runs one phase; logs land in artifacts/contract/.
Task("ContractTest")
    .IsDependentOn("ContractTools")
    .Does(() =>
{
    DotNetBuild(ContractTests, new DotNetBuildSettings { Configuration = configuration });
    DotNetRun(ContractTests, new ProcessArgumentBuilder().Append("--phase").Append(Argument("phase", "all")),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true, NoRestore = true });
});

// Plivo's official Node SDK (npm `plivo`, pinned in tools/sdk-interop/package-lock.json) makes every Powerpack-family
// call it offers, in both its styles, against PlivoSandbox, unchanged (only its `url` option points it there); then
// what it asked the sandbox to unrent is checked. `--sdk-timeout=SECONDS` bounds node's run (default 120).
Task("SdkInterop")
    .Does(() => RunSdkInterop(new ProcessArgumentBuilder()));

// The same, against the plivo-sandbox tool installed from the packed package (artifacts/packages) into a tool path of
// its own, started as a separate process with a seed file; it ends with SIGTERM, which must stop it (exit 0) within 1 s.
Task("SandboxToolInterop")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var toolPath = MakeAbsolute(Directory("./artifacts/sandbox-tool")).FullPath;
    CleanDirectory(toolPath);
    var version = XmlPeek("./Directory.Build.props", "/Project/PropertyGroup/Version");
    // A package cache of its own, so the tool comes from artifacts/packages and never from an earlier install of this version.
    var install = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"tool install Plivo.Generated.Sandbox --version {version} --tool-path \"{toolPath}/bin\" --source \"{MakeAbsolute(Directory(PackagesDir)).FullPath}\"",
        EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = $"{toolPath}/packages" },
    });
    if (install != 0)
    {
        throw new Exception($"dotnet tool install Plivo.Generated.Sandbox exited with {install}");
    }

    RunSdkInterop(new ProcessArgumentBuilder().Append("--tool").AppendQuoted($"{toolPath}/bin/plivo-sandbox"));
});

// Spectral and Redocly (pinned in spec/package-lock.json): any error or warning fails; then each of our rules must fire
// on a copy of the spec broken for it. All three run even when one fails, so one run shows every problem.
Task("LintSpec")
    .Does(() =>
{
    NpmCiWhenStale(SpecDir, "ci --no-audit --no-fund");
    var failed = new[] { "lint:spectral", "lint:redocly", "test:rules" }
        .Where(script => StartProcess(NpmExecutable(), new ProcessSettings { Arguments = $"run {script}", WorkingDirectory = SpecDir }) != 0)
        .ToList();
    if (failed.Count > 0)
    {
        throw new CakeException($"Spec lint failed ({string.Join(", ", failed)}): zero errors and warnings, and each of our rules firing on the copy broken for it.");
    }
    Information("Spec lint: Spectral and Redocly found no errors and no warnings; each of our rules fires when broken.");
});

// The benchmarks against the hand-written baseline (never part of Test). Full (default): writes docs/benchmarks.md;
// smoke (--bench-mode=smoke or --job=short, for CI): ~1-2 min, report in artifacts/benchmarks/smoke.md.
Task("Bench")
    .Does(() =>
{
    var mode = Argument("bench-mode", Argument("job", "full") == "short" ? "smoke" : "full");
    if (mode != "smoke" && mode != "full")
    {
        throw new CakeException($"--bench-mode is smoke or full, not '{mode}'.");
    }

    DotNetBuild(BenchProject, new DotNetBuildSettings { Configuration = "Release" });
    var report = mode == "smoke" ? "./artifacts/benchmarks/smoke.md" : "./docs/benchmarks.md";
    var arguments = $"run --project {BenchProject} -c Release --no-build -- --mode {mode} --report {report} --command \"dotnet cake --target=Bench --bench-mode={mode}\"";
    if (mode == "full")
    {
        arguments += " --wait-load " + Argument("wait-load", "2") + " --wait-max 600";
    }

    if (StartProcess("dotnet", new ProcessSettings { Arguments = arguments }) != 0)
    {
        throw new CakeException("The benchmarks failed.");
    }
});

// The build loop: a spec edit against a hand-written edit; the section lands in artifacts/benchmarks/build-loop.md.
// plivo-sandbox under load (docs/sandbox.md, "Under load"): 100,000 adds and removes at concurrency 64 against the tool
// as a process of its own, and its memory after them. Never part of the tests.
Task("SandboxLoad")
    .Does(() =>
{
    DotNetBuild("./benchmarks/SandboxLoad/SandboxLoad.csproj", new DotNetBuildSettings { Configuration = "Release" });
    DotNetRun("./benchmarks/SandboxLoad/SandboxLoad.csproj", new ProcessArgumentBuilder().Append("--report").AppendQuoted(MakeAbsolute(File("./docs/sandbox.md")).FullPath),
        new DotNetRunSettings { Configuration = "Release", NoBuild = true, NoRestore = true });
});

Task("BenchBuild")
    .Does(() => RunBuildChecks("build-loop --report " + MakeAbsolute(File("./artifacts/benchmarks/build-loop.md")).FullPath));

Task("Verify")
    .IsDependentOn("LintSpec")
    .IsDependentOn("QuickStart")
    .IsDependentOn("CheckIncrementalGeneration")
    .IsDependentOn("PackageTest")
    .IsDependentOn("ContractTest")
    .IsDependentOn("SdkInterop")
    .IsDependentOn("SandboxToolInterop")
    .IsDependentOn("VerifyRegeneration");

Task("CI")
    .IsDependentOn("Test")
    .IsDependentOn("Verify");

RunTarget(target);

void RunBuildChecks(string arguments)
{
    DotNetBuild(BuildChecks, new DotNetBuildSettings { Configuration = configuration });
    DotNetRun(BuildChecks, new ProcessArgumentBuilder().Append(arguments).Append("--configuration").Append(configuration),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true, NoRestore = true });
}

string NpmExecutable() => IsRunningOnWindows() ? "npm.cmd" : "npm";

// npm ci in `folder` unless node_modules was installed from the current package-lock.json (a stamp holds its hash).
void RunSdkInterop(ProcessArgumentBuilder arguments)
{
    NpmCiWhenStale(SdkInteropTools, "ci --ignore-scripts --no-audit --no-fund");
    DotNetBuild(SdkInteropTests, new DotNetBuildSettings { Configuration = configuration });
    DotNetRun(SdkInteropTests, arguments.Append("--timeout").Append(Argument("sdk-timeout", "120")),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true, NoRestore = true });
}

void NpmCiWhenStale(string folder, string arguments)
{
    var lockHash = CalculateFileHash($"{folder}/package-lock.json").ToHex();
    var stamp = $"{folder}/node_modules/.installed-from-lock";
    if (FileExists(stamp) && System.IO.File.ReadAllText(stamp).Trim() == lockHash)
    {
        Information($"{folder}/node_modules is installed from the current package-lock.json.");
        return;
    }

    Information($"npm {arguments} in {folder}...");
    if (StartProcess(NpmExecutable(), new ProcessSettings { Arguments = arguments, WorkingDirectory = folder }) != 0)
    {
        throw new CakeException($"npm {arguments} in {folder} failed.");
    }
    System.IO.File.WriteAllText(stamp, lockHash);
}
