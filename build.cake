// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | LintSpec | Verify | CI
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string Library = "./src/Plivo.Generated/Plivo.Generated.csproj";
const string Spec = "./spec/plivo-numberpool.yaml";
const string GeneratorMarker = "NSwag: generating";
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

string NpmExecutable() => IsRunningOnWindows() ? "npm.cmd" : "npm";

void Npm(string arguments)
{
    var exitCode = StartProcess(NpmExecutable(), new ProcessSettings { Arguments = arguments, WorkingDirectory = SpecDir });
    if (exitCode != 0)
    {
        throw new CakeException($"npm {arguments} failed ({exitCode}) in {SpecDir}.");
    }
}
