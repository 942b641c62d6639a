// The README's NUnit snippet ("Use the sandbox in your own tests") is the code between the markers, run as a test;
// ReadmeSnippetsAreVerified checks the README still holds exactly this code and the xUnit one the PackageTest runs.
// README-NUNIT-BEGIN
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated;
using Plivo.Generated.Testing;

public sealed class TollfreeTests
{
    private PlivoSandbox _sandbox = null!;

    [SetUp]
    public void StartSandbox() => _sandbox = PlivoSandbox.Start();

    [TearDown]
    public void StopSandbox() => _sandbox.Dispose();

    [Test]
    public async Task Adds_a_number_to_the_pool()
    {
        var seeded = _sandbox.AddPowerpack("test");
        using var api = _sandbox.CreateApi();

        var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
        await powerpack.NumberPool.Tollfree.AddAsync("18772209942");

        Assert.That(_sandbox.NumbersIn(seeded.NumberPoolUuid), Is.EqualTo(new[] { "18772209942" }));
    }
}
// README-NUNIT-END

namespace Plivo.Generated.Tests
{
    using System.IO;
    using System.Linq;
    using System.Text.RegularExpressions;

    public sealed class ReadmeSnippetTests
    {
        private static string RepoFile(params string[] parts)
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlivoGenerated.sln")))
            {
                dir = dir.Parent;
            }

            Assert.That(dir, Is.Not.Null, "repository root not found");
            return Path.Combine(new[] { dir!.FullName }.Concat(parts).ToArray());
        }

        private static string Between(string text, string name)
        {
            var match = Regex.Match(text, $@"// README-{name}-BEGIN\r?\n(.*?)// README-{name}-END", RegexOptions.Singleline);
            Assert.That(match.Success, Is.True, $"markers README-{name} not found");
            return match.Groups[1].Value.Trim();
        }

        [TestCase("NUNIT", "tests/Plivo.Generated.Tests/ReadmeSnippetTests.cs")]
        [TestCase("XUNIT", "tests/PackageConsumer/ConsumerTests.XUnit/SandboxTests.cs")]
        [TestCase("CALLS", "samples/CallShapes/Program.cs")]
        public void The_README_holds_the_tested_snippet(string name, string source)
        {
            var snippet = Between(File.ReadAllText(RepoFile(source.Split('/'))), name);
            var readme = File.ReadAllText(RepoFile("README.md")).Replace("\r\n", "\n");

            Assert.That(readme, Does.Contain(snippet.Replace("\r\n", "\n")), $"README.md must show the {name} snippet exactly as tested in {source}");
        }
    }
}
