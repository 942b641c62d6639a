using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// samples/DependencyInjection end to end. Run from another folder (as the README's <c>dotnet run --project</c> from
/// the repository root does), it must still read its own appsettings.json.
/// </summary>
[TestFixture]
public sealed class DependencyInjectionSampleTests
{
    [Test]
    public async Task Run_from_another_folder_it_reads_its_own_appsettings_and_adds_through_DI()
    {
        var elsewhere = Directory.CreateTempSubdirectory("di-sample-cwd-");
        try
        {
            var run = await SampleProgram.RunAsync("DependencyInjection.dll", new SampleEnvironment { WorkingDirectory = elsewhere.FullName });

            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.StdOut, Does.Contain("appsettings.json: MaxRetries = 3"), "the sample's appsettings.json was read: " + run);
            Assert.That(run.StdOut, Does.Contain("Added 18772209942 (tollfree) to pool").And.Contain("through DI."), run.ToString());
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
