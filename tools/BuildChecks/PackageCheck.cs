using System.IO.Compression;
using System.Xml.Linq;

namespace BuildChecks;

/// <summary>
/// The packed packages: each holds every target framework's dll and XML docs, the README and the licence expression,
/// with a .snupkg of the PDBs; then a consumer outside the solution restores them by version from the packages folder
/// only (package source mapping), runs the Version-1 and Version-2 add and DI against the packaged sandbox, and runs
/// the README's xUnit snippet.
/// </summary>
internal static class PackageCheck
{
    private static readonly Dictionary<string, string[]> Packages = new()
    {
        ["Plivo.Generated"] = ["netstandard2.0", "net8.0", "net10.0"],
        ["Plivo.Generated.DependencyInjection"] = ["netstandard2.0", "net8.0", "net10.0"],
        ["Plivo.Generated.Testing"] = ["net8.0", "net10.0"],
    };

    private static readonly string[] ConsumerLines = ["Version 1 added 18772209942", "Version 2 added 18005550100", "DI found 18005550100"];

    public static void Run(string root, string packages)
    {
        var version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("Version").First().Value;
        foreach (var (id, frameworks) in Packages)
        {
            CheckContents(packages, id, version, frameworks);
        }

        CheckTool(packages, version);

        var work = Path.Combine(Path.GetTempPath(), "plivo-consumer-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(Path.Combine(root, "tests", "PackageConsumer"), work);
            var feed = Path.GetFullPath(packages);
            var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            // Plivo.Generated* come from the packages folder only, everything else from nuget.org. A private package folder
            // keeps earlier packs of the same version out; the user's cache serves the rest (it never holds our packages).
            File.WriteAllText(Path.Combine(work, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{work}/packages" /></config>
                  <fallbackPackageFolders><clear /><add key="user-cache" value="{cache}" /></fallbackPackageFolders>
                  <packageSources><clear /><add key="local" value="{feed}" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
                  <packageSourceMapping>
                    <packageSource key="local"><package pattern="Plivo.Generated" /><package pattern="Plivo.Generated.*" /></packageSource>
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                </configuration>
                """);

            var run = Shell.Dotnet(work, $"run --project {work}/Consumer/Consumer.csproj -p:PlivoVersion={version}");
            Console.WriteLine(string.Join("\n", run.Lines));
            var missing = ConsumerLines.Where(l => !run.Lines.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                throw new CheckFailedException("the package consumer did not print: " + string.Join("; ", missing));
            }

            var tests = Shell.Dotnet(work, $"test {work}/ConsumerTests.XUnit/ConsumerTests.XUnit.csproj -p:PlivoVersion={version}");
            Console.WriteLine(tests.Tail(5));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static void CheckContents(string packages, string id, string version, string[] frameworks)
    {
        var nupkg = Path.Combine(packages, $"{id}.{version}.nupkg");
        var snupkg = Path.Combine(packages, $"{id}.{version}.snupkg");
        if (!File.Exists(nupkg) || !File.Exists(snupkg))
        {
            throw new CheckFailedException($"{id}: {nupkg} or {snupkg} is missing");
        }

        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            var missing = frameworks.SelectMany(tfm => new[] { $"lib/{tfm}/{id}.dll", $"lib/{tfm}/{id}.xml" }).Append("README.md")
                .Where(e => !entries.Contains(e)).ToList();
            using var nuspec = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
            if (!nuspec.ReadToEnd().Contains("<license type=\"expression\">MIT</license>", StringComparison.Ordinal))
            {
                missing.Add("the MIT licence expression in the nuspec");
            }

            if (missing.Count > 0)
            {
                throw new CheckFailedException($"{id} lacks: {string.Join(", ", missing)}");
            }
        }

        using (var zip = ZipFile.OpenRead(snupkg))
        {
            var pdbs = frameworks.Select(tfm => $"lib/{tfm}/{id}.pdb").Where(p => zip.GetEntry(p) is null).ToList();
            if (pdbs.Count > 0)
            {
                throw new CheckFailedException($"{id}.snupkg lacks: {string.Join(", ", pdbs)}");
            }
        }

        Console.WriteLine($"{id} {version}: {string.Join(", ", frameworks)} dll + xml, README, licence, snupkg: OK");
    }

    // plivo-sandbox: a .NET tool package (DotnetTool), the app for each framework, the seed schema and example beside it.
    private static void CheckTool(string packages, string version)
    {
        const string id = "Plivo.Generated.Sandbox";
        var nupkg = Path.Combine(packages, $"{id}.{version}.nupkg");
        if (!File.Exists(nupkg))
        {
            throw new CheckFailedException($"{id}: {nupkg} is missing");
        }

        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { "net8.0", "net10.0" }
            .SelectMany(tfm => new[] { $"tools/{tfm}/any/plivo-sandbox.dll", $"tools/{tfm}/any/DotnetToolSettings.xml", $"tools/{tfm}/any/Plivo.Generated.Testing.dll" })
            .Concat(["schemas/plivo-sandbox-seed.schema.json", "schemas/example-seed.json", "README.md"])
            .Where(e => !entries.Contains(e)).ToList();
        using var nuspec = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
        if (!nuspec.ReadToEnd().Contains("<packageType name=\"DotnetTool\" />", StringComparison.Ordinal))
        {
            missing.Add("the DotnetTool package type");
        }

        if (missing.Count > 0)
        {
            throw new CheckFailedException($"{id} lacks: {string.Join(", ", missing)}");
        }

        Console.WriteLine($"{id} {version}: a .NET tool (plivo-sandbox) for net8.0, net10.0, with the seed schema and an example: OK");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
