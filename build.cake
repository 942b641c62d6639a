// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | Verify | CI
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string Library = "./src/Plivo.Generated/Plivo.Generated.csproj";
const string Spec = "./spec/plivo-numberpool.yaml";
const string GeneratorMarker = "NSwag: generating";

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
