using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Plivo.Generated.Testing;

namespace Plivo.Generated.SdkInterop;

/// <summary>
/// The sandbox the SDK runs against: <see cref="PlivoSandbox"/> in this process, or the plivo-sandbox tool as a
/// process of its own, started with a seed file and read from its <c>--json</c> line. Either way it is reached only
/// over HTTP (Plivo's API and the control API).
/// </summary>
internal abstract class SandboxUnderTest : IDisposable
{
    public required Uri BaseUrl { get; init; }

    public required Uri ControlUrl { get; init; }

    public required string AuthId { get; init; }

    public required string AuthToken { get; init; }

    public abstract string Description { get; }

    public static SandboxUnderTest InProcess(string seed) => new InProcessSandbox(PlivoSandbox.Start(new PlivoSandboxOptions { Seed = seed }));

    /// <summary>Starts <paramref name="command"/> (the installed plivo-sandbox) on a free port with <paramref name="seed"/> in a file.</summary>
    public static async Task<SandboxUnderTest> StartToolAsync(string command, string seed)
    {
        var seedFile = Path.Combine(Path.GetTempPath(), $"plivo-sandbox-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seedFile, seed);
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", "0", "--json", "--seed", seedFile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.WriteLine($"  [plivo-sandbox] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null)
        {
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"{command} exited with {process.ExitCode} before printing its JSON line");
        }

        using var announced = JsonDocument.Parse(line);
        var root = announced.RootElement;
        return new ToolSandbox(process, seedFile)
        {
            BaseUrl = new Uri(root.GetProperty("base_url").GetString()!),
            ControlUrl = new Uri(root.GetProperty("control_url").GetString()!),
            AuthId = root.GetProperty("auth_id").GetString()!,
            AuthToken = root.GetProperty("auth_token").GetString()!,
        };
    }

    public abstract void Dispose();

    private sealed class InProcessSandbox : SandboxUnderTest
    {
        private readonly PlivoSandbox _sandbox;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public InProcessSandbox(PlivoSandbox sandbox)
        {
            _sandbox = sandbox;
            BaseUrl = sandbox.BaseUrl;
            ControlUrl = sandbox.ControlUrl;
            AuthId = sandbox.AuthId;
            AuthToken = sandbox.AuthToken;
        }

        public override string Description => $"{_sandbox} (in process)";

        public override void Dispose() => _sandbox.Dispose();
    }
}

/// <summary>The plivo-sandbox tool as a child process.</summary>
internal sealed class ToolSandbox : SandboxUnderTest
{
    private readonly Process _process;
    private readonly string _seedFile;

    public ToolSandbox(Process process, string seedFile)
    {
        _process = process;
        _seedFile = seedFile;
    }

    public override string Description => $"plivo-sandbox (pid {_process.Id}) at {BaseUrl}";

    /// <summary>Sends SIGTERM; the exit code and how long the tool took to exit, or null when it did not within 10 s (then it is killed).</summary>
    public (int ExitCode, TimeSpan Took)? Terminate()
    {
        var watch = Stopwatch.StartNew();
        if (kill(_process.Id, 15) != 0 || !_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }

        return (_process.ExitCode, watch.Elapsed);
    }

    public override void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        File.Delete(_seedFile);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
