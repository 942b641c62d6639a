using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plivo.Generated.Tests;

/// <summary>
/// The QuickStart sample end to end: <c>dotnet QuickStart.dll</c> (built next to the tests, since this project references
/// it) runs against its embedded sandbox. PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are removed from the child's environment so
/// no run can ever reach the real Plivo.
/// </summary>
[TestFixture]
public sealed class QuickStartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Sandbox_RunsBothCallStylesAndExitsZero()
    {
        var run = await RunQuickStartAsync();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.StdOut, Does.Contain("Sandbox listening on http://127.0.0.1:"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Got Powerpack 'quickstart'"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 1 added 18772209942"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 2 added 18005550100"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Version 2 added 18005550100 (tollfree, mms)"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("The pool holds 2 numbers: 18772209942, 18005550100"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Found 18772209942"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Removed 18772209942: success"), run.ToString());
            Assert.That(run.StdOut, Does.Contain("Left in the pool: 18005550100" + Environment.NewLine), run.ToString());
            Assert.That(run.StdOut, Does.Contain("The sandbox saw 6 requests. Done."), run.ToString());
            Assert.That(run.StdErr, Is.Empty, run.ToString());
        });
        Assert.That(
            run.StdOut.IndexOf("Version 1 added", StringComparison.Ordinal),
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

    [TestCase("--powerpack", "x")]
    [TestCase("--number", "18772209942")]
    [TestCase("--verbose")]
    public async Task IncompleteOrUnknownArguments_ExitTwoWithUsageOnStdErr(params string[] args)
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

    // The real-Plivo path with no credentials in the environment stops before any request (and the uuid is malformed
    // too, so even credentials would not send one): exit 2 naming the missing variable.
    [Test]
    public async Task RealPlivoPath_WithoutCredentials_ExitsTwoNamingTheVariable()
    {
        var run = await RunQuickStartAsync("--powerpack", "not-a-uuid", "--number", "18772209942");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StdErr, Does.Contain("PLIVO_AUTH_ID"), run.ToString());
            Assert.That(run.StdOut, Does.Not.Contain("Using Plivo at"), run.ToString());
        });
    }

    private static async Task<ProcessRun> RunQuickStartAsync(params string[] args)
    {
        var directory = TestContext.CurrentContext.TestDirectory;
        var dll = Path.Combine(directory, "QuickStart.dll");
        Assert.That(dll, Does.Exist, "the test project references samples/QuickStart, so its build lands here");

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // Never the real Plivo: whatever this machine has set, the child sees no credentials.
        startInfo.Environment.Remove(PlivoCredentials.AuthIdVariable);
        startInfo.Environment.Remove(PlivoCredentials.AuthTokenVariable);
        Assert.That(startInfo.Environment.Keys, Has.No.Member("PLIVO_AUTH_ID").And.No.Member("PLIVO_AUTH_TOKEN"));

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"dotnet QuickStart.dll {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s; killed.\n"
                        + $"stdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessRun(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
    }
}
