using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using NUnit.Framework;
using Plivo.Generated.ApiTests.Support;
using PublicApiGenerator;

namespace Plivo.Generated.ApiTests;

/// <summary>
/// The public API of each package, per target framework, is approved in <c>api/&lt;package&gt;.&lt;tfm&gt;.txt</c>.
/// A change to the spec, nswag.json, a template or the hand-written layer that changes what users can call makes the
/// matching test fail with a diff, and writes <c>api/&lt;package&gt;.&lt;tfm&gt;.received.txt</c> beside the approved
/// file, until the change is accepted with <see cref="AcceptCommand"/> and the rewritten file is committed, so that
/// the API change shows up in review as a diff of that text file.
/// </summary>
[TestFixture]
public sealed class PublicApiTests
{
    public const string AcceptVariable = "ACCEPT_API_CHANGES";
    public const string AcceptCommand = AcceptVariable + "=1 dotnet test tests/Plivo.Generated.ApiTests";

    private static readonly ApiGeneratorOptions Options = new()
    {
        // Which NSwag version generated a type is not part of the API; it would put every generated type in the diff
        // of a generator upgrade.
        ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute"],
    };

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    public static IEnumerable<TestCaseData> Packages() =>
        BuildInfo.Assemblies.Select(a => new TestCaseData(a).SetArgDisplayNames(a.Package, a.TargetFramework));

    [TestCaseSource(nameof(Packages))]
    public void Public_API_matches_the_approved_file(PackageAssembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var actual = Normalize(GeneratePublicApi(assembly.Path));
        var approvedPath = Path.Combine(BuildInfo.ApprovalDirectory, assembly.ApprovedFileName);
        var receivedPath = Path.Combine(BuildInfo.ApprovalDirectory, assembly.ReceivedFileName);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;

        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        if (Accepting)
        {
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            TestContext.Out.WriteLine($"Accepted the public API of {assembly.Package} ({assembly.TargetFramework}) into {approvedPath}.");
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            $"The public API of {assembly.Package} ({assembly.TargetFramework}) differs from the approved one.\n" +
            $"  approved: {approvedPath}{(approved is null ? " (missing)" : "")}\n" +
            $"  received: {receivedPath}\n" +
            $"If the change is intended, accept it and commit the api/ files:\n    {AcceptCommand}\n\n" +
            LineDiff.Unified(approved ?? "", actual, "approved", "received"));
    }

    /// <summary>An approved file whose package or target framework is no longer built would go stale unnoticed.</summary>
    [Test]
    public void Every_approved_file_belongs_to_a_built_package()
    {
        var expected = BuildInfo.Assemblies.Select(a => a.ApprovedFileName).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(BuildInfo.ApprovalDirectory, "*.txt")
            .Where(f => !f.EndsWith(".received.txt", StringComparison.Ordinal))
            .Where(f => !expected.Contains(Path.GetFileName(f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (stale.Count > 0 && Accepting)
        {
            stale.ForEach(File.Delete);
            TestContext.Out.WriteLine("Deleted approved files of packages no longer built: " + string.Join(", ", stale));
            return;
        }
        Assert.That(stale, Is.Empty,
            $"Approved API files for no package or target framework that is built (the built ones: {string.Join(", ", expected.Order(StringComparer.Ordinal))}). " +
            $"Delete them, or run: {AcceptCommand}");
    }

    /// <summary>
    /// Every library project under src/ is a package: each must be referenced by this project's csproj, with an assembly for each
    /// of its target frameworks, or a new package (or framework) would ship an API nobody approved.
    /// </summary>
    [Test]
    public void Every_package_and_target_framework_is_checked()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(BuildInfo.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .ToList();
        Assert.That(projects, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var project in projects)
            {
                var xml = XDocument.Load(project);
                // Not packed, or a .NET tool (plivo-sandbox): no library API to approve; a tool's contract is its command line (SandboxToolTests).
                if (string.Equals(xml.Descendants("IsPackable").LastOrDefault()?.Value, "false", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(xml.Descendants("PackAsTool").LastOrDefault()?.Value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var name = xml.Descendants("AssemblyName").LastOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
                var frameworks = (xml.Descendants("TargetFrameworks").LastOrDefault() ?? xml.Descendants("TargetFramework").Last()).Value
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.That(BuildInfo.Assemblies.Where(a => a.Package == name).Select(a => a.TargetFramework), Is.EquivalentTo(frameworks),
                    $"{Path.GetRelativePath(BuildInfo.RepoRoot, project)}: add it to the ProjectReference of tests/Plivo.Generated.ApiTests/Plivo.Generated.ApiTests.csproj");
            }
            Assert.That(BuildInfo.Assemblies, Has.All.Matches<PackageAssembly>(a => File.Exists(a.Path)), "every assembly was built");
        });
    }

    /// <summary>
    /// The public API reads as .NET: no method takes a snake_case parameter (the spec gives each snake_case parameter a
    /// camelCase <c>x-originalName</c>; the Auth ID is not one, since the account is the spec's server).
    /// </summary>
    [TestCaseSource(nameof(Packages))]
    public void No_parameter_is_snake_case_or_the_Auth_ID(PackageAssembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var api = GeneratePublicApi(assembly.Path);

        Assert.That(SnakeCaseParameters(api), Is.Empty, $"snake_case parameters in the public API of {assembly.Package} ({assembly.TargetFramework})");
    }

    [Test]
    public void NegativeControl_A_snake_case_parameter_is_found() =>
        Assert.That(
            SnakeCaseParameters("System.Threading.Tasks.Task<Plivo.Generated.PowerpackResource> GetAsync(string auth_id, System.Guid powerpack_uuid, int? limit = default, [Newtonsoft.Json.JsonProperty(\"added_on\")] string x);"),
            Is.EqualTo(new[] { "auth_id", "powerpack_uuid" }));

    // A parameter: a type, a name, then ',', ')' or ' =' (attribute arguments such as JsonProperty("added_on") are strings).
    private static List<string> SnakeCaseParameters(string api) =>
        System.Text.RegularExpressions.Regex.Matches(api, @"[\w>\]?]\s+(?<name>@?[A-Za-z_][A-Za-z0-9_]*)(?=\s*(,|\)|\s=))")
            .Select(m => m.Groups["name"].Value)
            .Where(n => n.Contains('_', StringComparison.Ordinal))
            .Distinct()
            .ToList();

    /// <summary>
    /// PublicApiGenerator reads the file behind <see cref="Assembly.Location"/> with Mono.Cecil, so the assembly only
    /// needs to be loaded, never run: each framework's build (netstandard2.0 and net8.0 too, on the .NET 10 runtime
    /// that runs the tests) goes into a load context of its own, since all of them share one assembly name.
    /// </summary>
    private static string GeneratePublicApi(string path)
    {
        var context = new AssemblyLoadContext($"PublicApi:{path}", isCollectible: true);
        try
        {
            return context.LoadFromAssemblyPath(path).GeneratePublicApi(Options);
        }
        catch (Mono.Cecil.AssemblyResolutionException e)
        {
            throw new InvalidOperationException(
                $"Mono.Cecil could not find {e.AssemblyReference.Name}, a dependency of {path}: add a PackageReference to it in " +
                "tests/Plivo.Generated.ApiTests/Plivo.Generated.ApiTests.csproj (Cecil looks in that project's output folder).", e);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
