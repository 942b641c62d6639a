using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// The README's call-shape block (samples/CallShapes, every call of the family in both styles) runs top to bottom
/// against the sandbox as written; it is built with every warning an error, so a nullable slip in it fails the build.
/// <see cref="ReadmeSnippetTests"/> holds the README to the same text.
/// </summary>
[TestFixture]
public sealed class CallShapesTests
{
    [Test]
    public async Task The_READMEs_calls_run_top_to_bottom_against_the_sandbox()
    {
        var run = await SampleProgram.RunAsync("CallShapes.dll");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.StdOut, Does.Contain("Powerpack marketing").And.Contain("1 Powerpack, 1 number, bought 14155550123, 2 toll-free, 1 shortcode, 18005550100: done"), run.ToString());
        Assert.That(run.StdErr, Is.Empty, run.ToString());
    }
}
