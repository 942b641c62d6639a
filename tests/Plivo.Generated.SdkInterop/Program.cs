// Official SDK interop: Plivo's own Node SDK (npm `plivo`, pinned in tools/sdk-interop/package-lock.json) runs every
// Powerpack-family call it offers, in both its styles, against PlivoSandbox, unchanged: only its `url` option points
// it at the sandbox. This program starts the sandbox, seeds it (Seed.cs), runs tools/sdk-interop/interop.mjs under node
// with the sandbox's URL, credentials and seed, streams its output (one ok/FAIL line per check, then
// "SdkInterop: N passed, M failed"), checks what the SDK asked the sandbox to unrent (UnrentChecks.cs), and exits 0
// only when every check passed; 1 when one failed (node's own non-zero code is passed on) or
// node timed out; 2 when the run could not start (no node, SDK not installed, bad arguments).
//
//   dotnet cake --target=SdkInterop        (npm ci in tools/sdk-interop when needed, builds, runs)
//   (cd tools/sdk-interop && npm ci --ignore-scripts --no-audit --no-fund)
//   dotnet run --project tests/Plivo.Generated.SdkInterop -- [--node PATH] [--script PATH] [--timeout SECONDS]
//       [--requests auto|failed|all|none]   (what the sandbox received, printed after the run: auto, the default, prints
//       the requests not answered 2xx when a check failed; failed prints them always)
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Plivo.Generated.SdkInterop;
using Plivo.Generated.Testing;

return await SdkInteropProgram.RunAsync(args);

internal static class SdkInteropProgram
{
    private static readonly JsonSerializerOptions SeedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRepoRoot();
        var node = Value(args, "--node") ?? "node";
        var script = Path.GetFullPath(Value(args, "--script") ?? Path.Combine(root, "tools", "sdk-interop", "interop.mjs"));
        var requests = Value(args, "--requests") ?? "auto";
        if (!double.TryParse(Value(args, "--timeout") ?? "120", NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0
            || requests is not ("auto" or "failed" or "all" or "none"))
        {
            Console.Error.WriteLine("--timeout takes a number of seconds above 0; --requests takes auto, failed, all or none.");
            return 2;
        }

        var scriptDir = Path.GetDirectoryName(script)!;
        if (!File.Exists(script))
        {
            Console.Error.WriteLine($"{script} is missing.");
            return 2;
        }

        if (!File.Exists(Path.Combine(scriptDir, "node_modules", "plivo", "package.json")))
        {
            Console.Error.WriteLine($"Plivo's Node SDK is not installed in {scriptDir}: run `npm ci --ignore-scripts --no-audit --no-fund` there, or `dotnet cake --target=SdkInterop`.");
            return 2;
        }

        using var sandbox = PlivoSandbox.Start();
        var seed = Seed.Apply(sandbox);
        Console.WriteLine($"SdkInterop: {sandbox}; seeded Powerpacks '{seed.Powerpack.Name}' ({seed.Powerpack.Uuid}: {seed.PoolNumbers.Count} long codes, {seed.PoolTollfree.Count} toll-free, {seed.Shortcodes.Count} shortcodes) and '{seed.SparePowerpack.Name}'; {seed.AccountNumbers.Count + seed.AccountTollfree.Count} account numbers outside pools; {seed.Inventory.Count} numbers for sale");

        var watch = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(seconds);
        NodeOutcome outcome;
        try
        {
            using var child = NodeChild.Start(
                node,
                scriptDir,
                [script, "--exit-with-stdin", "--base-url", sandbox.BaseUrl.ToString(), "--auth-id", sandbox.AuthId],
                new Dictionary<string, string>
                {
                    // Not on the command line, where other users of the machine could read them.
                    ["SDK_INTEROP_AUTH_TOKEN"] = sandbox.AuthToken,
                    ["SDK_INTEROP_SEED"] = JsonSerializer.Serialize(seed, SeedJson),
                });
            outcome = await child.WaitAsync(timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"Could not start '{node}': {e.Message}. Install Node 20 or later, or pass --node PATH.");
            return 2;
        }

        if (outcome.Signal is { } signal)
        {
            Console.WriteLine($"SdkInterop: FAIL stopped by {signal} after {watch.Elapsed.TotalSeconds:0.0} s; node was killed");
            return 1;
        }

        var stateFailures = outcome.TimedOut ? 0 : UnrentChecks.Run(sandbox, seed);
        var passed = !outcome.TimedOut && outcome.ExitCode == 0 && stateFailures == 0;
        PrintRequests(sandbox.Requests, requests == "auto" ? (passed ? "none" : "failed") : requests);
        if (outcome.TimedOut)
        {
            Console.WriteLine($"SdkInterop: FAIL node did not finish within {timeout.TotalSeconds:0.#} s and was killed");
            return 1;
        }

        Console.WriteLine($"SdkInterop: node exited with {outcome.ExitCode} after {watch.Elapsed.TotalSeconds:0.0} s; {stateFailures} sandbox-state check(s) failed");
        return outcome.ExitCode != 0 ? outcome.ExitCode!.Value : stateFailures > 0 ? 1 : 0;
    }

    // What the sandbox received, for telling "no route" from "wrong answer" without a debugger.
    private static void PrintRequests(IReadOnlyList<SandboxRequest> received, string which)
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
