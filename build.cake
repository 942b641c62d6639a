// build.cake: thin tasks over the dotnet CLI. Run with `dotnet tool restore` once, then `dotnet cake [--target=X]`.
//   Clean | Build | Test (default) | QuickStart | CheckIncrementalGeneration | LintSpec | Pack | PackageTest |
//   ContractTest | Verify | CI
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

const string Solution = "./PlivoGenerated.sln";
const string Library = "./src/Plivo.Generated/Plivo.Generated.csproj";
const string Spec = "./spec/plivo-numberpool.yaml";
const string GeneratorMarker = "NSwag: generating";
const string PackagesDir = "./artifacts/packages";

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

Task("Verify")
    .IsDependentOn("LintSpec")
    .IsDependentOn("QuickStart")
    .IsDependentOn("CheckIncrementalGeneration")
    .IsDependentOn("PackageTest")
    .IsDependentOn("ContractTest");

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
