using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plivo.Generated.Tests.Support;

/// <summary>What a sample program printed and how it ended.</summary>
public sealed record ProgramRun(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>What a test adds to a sample's run: variables (fake credentials for a loopback server) and where it runs from.</summary>
public sealed record SampleEnvironment
{
    public System.Collections.Generic.Dictionary<string, string> Variables { get; init; } = new();

    public string? WorkingDirectory { get; init; }
}

/// <summary>
/// Runs a sample (<c>dotnet &lt;sample&gt;.dll</c>, built next to the tests because this project references it) with
/// PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN removed from its environment, so no run can ever reach the real Plivo.
/// </summary>
public static class SampleProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<ProgramRun> RunAsync(string dllName, params string[] args) => RunAsync(dllName, new SampleEnvironment(), args);

    /// <summary>Runs the sample with extra environment variables (loopback-only values) and a working directory of the test's choosing.</summary>
    public static async Task<ProgramRun> RunAsync(string dllName, SampleEnvironment environment, params string[] args)
    {
        var directory = TestContext.CurrentContext.TestDirectory;
        var dll = Path.Combine(directory, dllName);
        Assert.That(dll, Does.Exist, "the test project references the sample, so its build lands here");

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = environment.WorkingDirectory ?? directory,
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
        foreach (var (name, value) in environment.Variables)
        {
            startInfo.Environment[name] = value;
        }

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
            Assert.Fail($"dotnet {dllName} {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s; killed.\n"
                        + $"stdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return new ProgramRun(process.ExitCode, await stdout, await stderr);
    }
}
