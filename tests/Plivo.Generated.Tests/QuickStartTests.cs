using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// The QuickStart sample end to end (<see cref="SampleProgram"/>): <c>dotnet QuickStart.dll</c> runs against its
/// embedded sandbox, never the real Plivo.
/// </summary>
[TestFixture]
public sealed class QuickStartTests
{
    [Test]
    public async Task Sandbox_RunsTheFamilyInBothCallStylesAndExitsZero()
    {
        var run = await RunQuickStartAsync();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.StdOut, Does.Contain("Sandbox listening on http://127.0.0.1:"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Created Powerpack 'quickstart'"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 1 added number 14155550100 (fixed, sms)"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 1 added 18772209942 (tollfree, sms)"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 2 added 18005550100 (tollfree, mms)"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("The pool holds 3 numbers: 14155550100, 18772209942, 18005550100"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Of them toll-free: 18772209942, 18005550100"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Found 18772209942"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Removed 18772209942: success"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Left in the pool: 14155550100, 18005550100" + Environment.NewLine), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Deleted Powerpack 'quickstart' and unrented its numbers: success"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("The sandbox saw 9 requests. Done."), run.ToString());
            Assert.That(run.StdErr, Is.Empty, run.ToString());
        });
        Assert.That(
            run.StdOut.IndexOf("Version 1 added 18772209942", StringComparison.Ordinal),
            Is.LessThan(run.StdOut.IndexOf("Removed 18772209942", StringComparison.Ordinal)),
            "the number is removed after it was added");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Help_PrintsUsageAndExitsZero(string flag)
    {
        var run = await RunQuickStartAsync(flag);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.StdOut, Does.Contain("Usage:"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("--powerpack"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("--number"), run.ToString());
            Assert.That(run.StdOut, Does.Not.Contain("Sandbox listening"), "--help must not run anything");
        });
    }

    [TestCase("--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a")]
    [TestCase("--number", "18772209942")]
    public async Task IncompleteArguments_ExitTwoWithUsageOnStdErr(params string[] args)
    {
        var run = await RunQuickStartAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StdErr, Does.Contain("Give both --powerpack <uuid> and --number <digits>"), run.ToString());
            Assert.That(run.StdErr, Does.Contain("Usage:"), run.ToString());
            Assert.That(run.StdOut, Does.Not.Contain("Sandbox listening"), run.ToString());
        });
    }

    [TestCase(new[] { "--verbose" }, "Unknown option '--verbose'")]
    [TestCase(new[] { "--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a", "--number", "1877-220" }, "--number '1877-220' is not a toll-free number")]
    [TestCase(new[] { "--powerpack", "not-a-uuid", "--number", "18772209942" }, "--powerpack 'not-a-uuid' is not a uuid")]
    [TestCase(new[] { "--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a", "--number", "18772209942", "--base-url", "ftp://x/" }, "--base-url 'ftp://x/' is not an absolute http(s) URL")]
    public async Task AnUnknownOptionOrAMalformedValue_IsNamedBeforeAnythingRuns(string[] args, string expected)
    {
        var run = await RunQuickStartAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StdErr, Does.Contain(expected), run.ToString());
        Assert.That(run.StdOut, Is.Empty, run.ToString());
    }

    // The real-Plivo path with no credentials in the environment stops before any request: exit 2 naming the missing variable.
    [Test]
    public async Task RealPlivoPath_WithoutCredentials_ExitsTwoNamingTheVariable()
    {
        var run = await RunQuickStartAsync("--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a", "--number", "18772209942");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StdErr, Does.Contain("PLIVO_AUTH_ID"), run.ToString());
            Assert.That(run.StdOut, Does.Not.Contain("Using Plivo at"), run.ToString());
        });
    }

    // The real-Plivo path pointed at a PlivoSandbox in this test process: the same add, over loopback.
    [Test]
    public async Task RealPlivoPath_AgainstAPlivoCompatibleServer_AddsTheNumberToThePowerpacksPool()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("real-path");

        var run = await RunAgainstAsync(sandbox, "--powerpack", seeded.Uuid, "--number", "18772209942", "--base-url", sandbox.BaseUrl.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.StdOut, Does.Contain($"Using Plivo at {sandbox.BaseUrl}"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Got Powerpack 'real-path'"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Added 18772209942 (tollfree, sms)"), run.ToString());
            Assert.That(run.StdOut + run.StdErr, Does.Not.Contain(sandbox.AuthToken), run.ToString());
        });
        Assert.That(sandbox.NumbersIn(seeded.NumberPoolUuid), Is.EqualTo(new[] { "18772209942" }));
    }

    // Plivo answered with an error: "Plivo said no", its status and error text.
    [Test]
    public async Task RealPlivoPath_AnUnknownPowerpack_SaysPlivoSaidNoWithTheStatus()
    {
        using var sandbox = PlivoSandbox.Start();

        var run = await RunAgainstAsync(sandbox, "--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a", "--number", "18772209942", "--base-url", sandbox.BaseUrl.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.StdErr, Does.StartWith("Plivo said no:").And.Contain("404"), run.ToString());
        Assert.That(run.StdOut, Does.Not.Contain("Got Powerpack"), run.ToString());
    }

    // Nothing answered (a closed port here; a DNS failure on a real machine): not "Plivo said no", which would blame Plivo.
    [Test]
    public async Task RealPlivoPath_WhenNothingAnswers_SaysPlivoCouldNotBeReached()
    {
        using var sandbox = PlivoSandbox.Start(); // only for a well-formed pair of fake credentials
        var closed = $"http://127.0.0.1:{ClosedPort()}/v1/";

        var run = await RunAgainstAsync(sandbox, "--powerpack", "d35f2e82-d387-427f-8594-6fa07613c43a", "--number", "18772209942", "--base-url", closed);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.StdErr, Does.StartWith("Could not reach Plivo (no answer came):"), run.ToString());
        Assert.That(run.StdErr, Does.Not.Contain("Plivo said no").And.Not.Contain(sandbox.AuthToken), run.ToString());
    }

    private static Task<ProgramRun> RunAgainstAsync(PlivoSandbox sandbox, params string[] args) =>
        SampleProgram.RunAsync("QuickStart.dll", new SampleEnvironment
        {
            Variables = { [PlivoCredentials.AuthIdVariable] = sandbox.AuthId, [PlivoCredentials.AuthTokenVariable] = sandbox.AuthToken },
        }, args);

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task<ProgramRun> RunQuickStartAsync(params string[] args) => SampleProgram.RunAsync("QuickStart.dll", args);
}
