// Official SDK interop: Plivo's own Node SDK (npm `plivo`, pinned in tools/sdk-interop/package-lock.json) runs every
// Powerpack-family call it offers, in both its styles, against the sandbox, unchanged: only its `url` option points
// it there. This program starts the sandbox with Seed.cs's seed document (PlivoSandbox in this process, or with
// --tool the installed plivo-sandbox as a process of its own), runs tools/sdk-interop/interop.mjs under node with the
// sandbox's URL, credentials and seed (one ok/FAIL line per check), checks through the control API what the SDK asked
// the sandbox to unrent (UnrentChecks.cs), then runs tools/sdk-interop/control.mjs (faults injected through the control
// API, as the SDK sees them; the request log; reset). With --tool it then stops the tool with SIGTERM and checks it
// exited 0 within a second. Exit code 0 only when every check passed; 1 when one failed or node timed out; 2 when the
// run could not start (no node, SDK not installed, bad arguments).
//
//   dotnet cake --target=SdkInterop           (npm ci in tools/sdk-interop when needed, builds, runs in process)
//   dotnet cake --target=SandboxToolInterop   (packs, installs plivo-sandbox from the package, runs with --tool)
//   dotnet run --project tests/Plivo.Generated.SdkInterop -- [--tool PATH] [--node PATH] [--timeout SECONDS]
//       [--requests auto|failed|all|none]   (what the sandbox received, printed after the run: auto, the default, prints
//       the requests not answered 2xx when a check failed; failed prints them always)
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Plivo.Generated.SdkInterop;

return await SdkInteropProgram.RunAsync(args);

internal static class SdkInteropProgram
{
    private static readonly JsonSerializerOptions SeedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRepoRoot();
        var node = Value(args, "--node") ?? "node";
        var tool = Value(args, "--tool");
        var scriptDir = Path.Combine(root, "tools", "sdk-interop");
        var requests = Value(args, "--requests") ?? "auto";
        if (!double.TryParse(Value(args, "--timeout") ?? "120", NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0
            || requests is not ("auto" or "failed" or "all" or "none"))
        {
            Console.Error.WriteLine("--timeout takes a number of seconds above 0; --requests takes auto, failed, all or none.");
            return 2;
        }

        if (!File.Exists(Path.Combine(scriptDir, "node_modules", "plivo", "package.json")))
        {
            Console.Error.WriteLine($"Plivo's Node SDK is not installed in {scriptDir}: run `npm ci --ignore-scripts --no-audit --no-fund` there, or `dotnet cake --target=SdkInterop`.");
            return 2;
        }

        if (tool is not null && !File.Exists(tool))
        {
            Console.Error.WriteLine($"--tool {tool}: no such file (install it with `dotnet tool install Plivo.Generated.Sandbox --tool-path DIR`).");
            return 2;
        }

        var seed = Seed.Data;
        using var sandbox = tool is null ? SandboxUnderTest.InProcess(Seed.Document()) : await SandboxUnderTest.StartToolAsync(tool, Seed.Document());
        using var control = new ControlClient(sandbox.ControlUrl, controlToken: null);
        Console.WriteLine($"SdkInterop: {sandbox.Description}; seeded Powerpacks '{seed.Powerpack.Name}' ({seed.Powerpack.Uuid}: {seed.PoolNumbers.Count} long codes, {seed.PoolTollfree.Count} toll-free, {seed.Shortcodes.Count} shortcodes) and '{seed.SparePowerpack.Name}'; {seed.AccountNumbers.Count + seed.AccountTollfree.Count} account numbers outside pools; {seed.Inventory.Count} numbers for sale");

        var watch = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(seconds);
        var environment = new Dictionary<string, string>
        {
            // Not on the command line, where other users of the machine could read them.
            ["SDK_INTEROP_AUTH_TOKEN"] = sandbox.AuthToken,
            ["SDK_INTEROP_SEED"] = JsonSerializer.Serialize(seed, SeedJson),
            ["SDK_INTEROP_CONTROL_URL"] = sandbox.ControlUrl.ToString(),
        };
        string[] Arguments(string script) => [Path.Combine(scriptDir, script), "--exit-with-stdin", "--base-url", sandbox.BaseUrl.ToString(), "--auth-id", sandbox.AuthId];

        var family = await RunNodeAsync(node, scriptDir, Arguments("interop.mjs"), environment, timeout);
        if (family is null)
        {
            return 2;
        }

        var stateFailures = family.TimedOut || family.Signal is not null ? 0 : await UnrentChecks.RunAsync(control, seed);
        PrintRequests(await control.RequestsAsync(), requests == "auto" ? (family.ExitCode == 0 && stateFailures == 0 ? "none" : "failed") : requests);
        var controlRun = family.Signal is null ? await RunNodeAsync(node, scriptDir, Arguments("control.mjs"), environment, timeout) : null;

        var failures = new List<string>();
        foreach (var (name, outcome) in new[] { ("interop.mjs", family), ("control.mjs", controlRun) })
        {
            if (outcome?.Signal is { } signal)
            {
                failures.Add($"stopped by {signal}; node was killed");
            }
            else if (outcome is null || outcome.TimedOut || outcome.ExitCode != 0)
            {
                failures.Add(outcome is null ? $"{name} did not run" : outcome.TimedOut ? $"{name} did not finish within {timeout.TotalSeconds:0.#} s and was killed" : $"{name} exited with {outcome.ExitCode}");
            }
        }

        if (stateFailures > 0)
        {
            failures.Add($"{stateFailures} sandbox-state check(s) failed");
        }

        if (sandbox is ToolSandbox started)
        {
            var stop = started.Terminate();
            var line = stop is { } s ? $"exited {s.ExitCode} {s.Took.TotalMilliseconds:0} ms after SIGTERM" : "did not exit within 10 s of SIGTERM (killed)";
            var ok = stop is { ExitCode: 0 } exit && exit.Took < TimeSpan.FromSeconds(1);
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} plivo-sandbox {line} (must: 0, within 1 s)");
            if (!ok)
            {
                failures.Add("plivo-sandbox did not stop cleanly on SIGTERM");
            }
        }

        Console.WriteLine(failures.Count == 0
            ? $"SdkInterop: every check passed in {watch.Elapsed.TotalSeconds:0.0} s"
            : $"SdkInterop: FAIL after {watch.Elapsed.TotalSeconds:0.0} s: {string.Join("; ", failures)}");
        return failures.Count == 0 ? 0 : 1;
    }

    // node with one script; null when node could not start at all.
    private static async Task<NodeOutcome?> RunNodeAsync(string node, string scriptDir, string[] arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        try
        {
            using var child = NodeChild.Start(node, scriptDir, arguments, environment);
            return await child.WaitAsync(timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"Could not start '{node}': {e.Message}. Install Node 20 or later, or pass --node PATH.");
            return null;
        }
    }

    // What the sandbox received, for telling "no route" from "wrong answer" without a debugger.
    private static void PrintRequests(IReadOnlyList<LoggedRequest> received, string which)
    {
        if (which == "none")
        {
            return;
        }

        var shown = received.Where(r => which == "all" || r.StatusCode is < 200 or > 299).ToList();
        Console.WriteLine($"SdkInterop: the sandbox received {received.Count} requests; {(which == "all" ? "all" : $"{shown.Count} not answered 2xx")}:");
        foreach (var request in shown)
        {
            var body = string.IsNullOrEmpty(request.Body) ? string.Empty : " body " + request.Body;
            Console.WriteLine($"  {request.StatusCode} {request.Method} {request.Path}{request.Query}{body} -> {request.OperationId ?? "(no operation)"}");
        }
    }

    // The folder holding PlivoGenerated.sln, from the current directory or from where this program was built.
    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PlivoGenerated.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
