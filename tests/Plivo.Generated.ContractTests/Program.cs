// Contract tests: the client and PlivoSandbox checked against spec/plivo-numberpool.yaml by Prism, a validator we did
// not write (@stoplight/prism-cli, pinned in tools/contract/package.json + package-lock.json).
//   phase "proxy": client -> prism proxy --errors -> PlivoSandbox; every operation, success and error cases.
//   phase "mock":  client -> prism mock --errors (answers from the spec's examples); every operation succeeds.
// A phase fails if a call ends otherwise than expected, or if Prism reported any violation (read from its output).
// Exit code 0 when everything passed, 1 when a check failed, 2 when the run could not start (no Prism, bad arguments).
//
//   dotnet cake --target=ContractTest          (installs Prism with npm ci when needed, builds, runs both phases)
//   dotnet run --project tests/Plivo.Generated.ContractTests -- [--phase proxy|mock|all] [--prism-cli PATH]
//       [--node PATH] [--spec PATH] [--log-dir DIR] [--ready-timeout SECONDS]
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Plivo.Generated;
using Plivo.Generated.ContractTests;

return await ContractTestProgram.RunAsync(args);

internal static class ContractTestProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRepoRoot();
        var phase = Value(args, "--phase") ?? "all";
        if (phase is not ("all" or "proxy" or "mock"))
        {
            Console.Error.WriteLine($"--phase must be proxy, mock or all; got '{phase}'.");
            return 2;
        }

        var settings = new PrismSettings(
            Node: Value(args, "--node") ?? "node",
            PrismCli: Path.GetFullPath(Value(args, "--prism-cli") ?? Path.Combine(root, "tools", "contract", "node_modules", "@stoplight", "prism-cli", "dist", "index.js")),
            ExitWithParent: File.Exists(Path.Combine(root, "tools", "contract", "exit-with-parent.cjs")) ? Path.Combine(root, "tools", "contract", "exit-with-parent.cjs") : null,
            Spec: Path.GetFullPath(Value(args, "--spec") ?? Path.Combine(root, "spec", "plivo-numberpool.yaml")),
            LogDirectory: Path.GetFullPath(Value(args, "--log-dir") ?? Path.Combine(root, "artifacts", "contract")),
            ReadyTimeout: TimeSpan.FromSeconds(double.Parse(Value(args, "--ready-timeout") ?? "60", System.Globalization.CultureInfo.InvariantCulture)));

        if (!File.Exists(settings.PrismCli))
        {
            Console.Error.WriteLine($"Prism is not installed ({settings.PrismCli} is missing): run `npm ci` in tools/contract, or `dotnet cake --target=ContractTest`.");
            return 2;
        }

        if (!File.Exists(settings.Spec))
        {
            Console.Error.WriteLine($"The spec {settings.Spec} is missing.");
            return 2;
        }

        var checks = new Checks();
        var total = Stopwatch.StartNew();
        foreach (var (name, run) in new (string, Func<PrismSettings, Checks, Task>)[] { ("proxy", ProxyPhase.RunAsync), ("mock", MockPhase.RunAsync) })
        {
            if (phase != "all" && phase != name)
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            Console.WriteLine($"== Contract phase '{name}'");
            try
            {
                await run(settings, checks);
            }
            catch (Exception e)
            {
                // Prism did not start, or something outside the checks broke: the phase fails, the next one still runs.
                checks.Phase = name;
                checks.Record("the phase ran to the end", $"{e.GetType().Name}: {e.Message}");
            }

            Console.WriteLine($"   phase '{name}' took {watch.Elapsed.TotalSeconds:0.0} s");
        }

        var results = checks.Results;
        Console.WriteLine();
        foreach (var failure in results.Where(r => r.Failure is not null))
        {
            Console.WriteLine($"FAILED {failure.Phase}: {failure.Name}: {failure.Failure}");
        }

        Console.WriteLine($"Contract tests took {total.Elapsed.TotalSeconds:0.0} s; Prism's logs are in {settings.LogDirectory}");
        Console.WriteLine($"ContractTest: {results.Passed()} passed, {results.Failed()} failed");
        return results.Failed() == 0 && results.Count > 0 ? 0 : 1;
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

namespace Plivo.Generated.ContractTests
{
    /// <summary>The client's settings for a run through Prism.</summary>
    internal static class ClientOptions
    {
        public static PlivoClientOptions For(Uri prismBaseUrl) => new()
        {
            // Prism's root, not /v1/: the spec's paths start after the account (see ProxyPhase). Plain http is allowed for loopback.
            BaseUrl = prismBaseUrl,
            // One request per call: a retry would resend what Prism rejected and blur which request broke the contract.
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(15),
            Timeout = TimeSpan.FromSeconds(20),
            UserAgentSuffix = "ContractTests",
        };
    }

    /// <summary>Turns what Prism printed into checks.</summary>
    internal static class Report
    {
        public static void PrismVerdict(Checks checks, PrismProcess prism)
        {
            checks.Record("Prism stayed up for the whole phase", prism.ExitedByItself ? "Prism exited by itself; see " + prism.LogPath : null);

            var violations = prism.Violations();
            foreach (var group in violations.GroupBy(v => v.Request))
            {
                Console.WriteLine($"  Prism ({prism.Name}) on {group.Key}:");
                foreach (var (_, line) in group)
                {
                    Console.WriteLine($"      {line}");
                }
            }

            checks.Record("Prism reported no violation", violations.Count == 0
                ? null
                : $"{violations.Count} line(s) about {violations.Select(v => v.Request).Distinct().Count()} request(s), listed above; full log {prism.LogPath}");
        }
    }
}
