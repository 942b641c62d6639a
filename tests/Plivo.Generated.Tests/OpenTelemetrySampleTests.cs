using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>samples/OpenTelemetry end to end: OpenTelemetry's SDK and console exporter print Plivo's spans and metrics for a QuickStart-like run.</summary>
[TestFixture]
public sealed class OpenTelemetrySampleTests
{
    [Test]
    public async Task The_console_exporter_prints_a_span_per_call_and_the_metrics()
    {
        var run = await SampleProgram.RunAsync("OpenTelemetrySample.dll");
        var output = run.StdOut;

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            foreach (var operation in new[] { "Powerpack_Create", "Tollfree_Add", "Tollfree_Find", "Tollfree_List", "Tollfree_Remove", "Powerpack_Delete" })
            {
                Assert.That(output, Does.Contain($"Activity.DisplayName:        {operation}"), operation);
            }

            Assert.That(output, Does.Contain("url.template: /v1/Account/{auth_id}/NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/"));
            Assert.That(output, Does.Contain("Name: Plivo.Generated"));
            Assert.That(output, Does.Contain("Name: System.Net.Http"), ".NET's HTTP spans are shown too");
            Assert.That(output, Does.Contain("The add failed as injected: 503"));
            Assert.That(output, Does.Contain("Found 18772209942 after 2 attempts"));
            Assert.That(output, Does.Contain("plivo.attempts: 2"));
            Assert.That(output, Does.Contain("Metric Name: plivo.client.call.duration"));
            Assert.That(output, Does.Contain("Metric Name: plivo.client.retries"));
            Assert.That(output, Does.Contain("plivo.operation: Tollfree_Find plivo.retry.reason: 503"));
            Assert.That(Regex.Matches(output, "Activity.DisplayName:        Tollfree_Add").Count, Is.EqualTo(3), "three adds, one of them answered 503");
            Assert.That(output, Does.Contain("Done."));
        });
    }
}
