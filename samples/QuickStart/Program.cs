// QuickStart: the Powerpack family in both of Plivo's call styles. By default it runs against an embedded sandbox
// (PlivoSandbox on 127.0.0.1); with --powerpack and --number and PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN set, it adds one
// toll-free number to a Powerpack on the real Plivo API instead (or on the server --base-url names).
using System;
using System.Linq;
using System.Threading.Tasks;
using Plivo.Generated;
using Plivo.Generated.Testing;

return await QuickStart.RunAsync(args);

internal static class QuickStart
{
    private const string Usage = """
        QuickStart: Plivo's Powerpack API from .NET, both call styles.

        Usage:
          dotnet run --project samples/QuickStart
              Starts an embedded sandbox, creates a Powerpack, adds a number Version-1 style
              (powerpack.AddNumberAsync) and toll-free numbers both styles (powerpack.AddTollfreeAsync,
              powerpack.NumberPool.Tollfree.AddAsync), lists the pool, finds a number, removes one and
              deletes the Powerpack. Nothing leaves this machine.

          dotnet run --project samples/QuickStart -- --powerpack <uuid> --number <digits> [--base-url <url>]
              Adds the toll-free number <digits> to the pool of Powerpack <uuid> on the real Plivo API, with
              the credentials in PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN. Plivo may charge for what you do with it.
              --base-url sends it to another Plivo-compatible server instead (default https://api.plivo.com/v1/).

          --help    shows this text.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (Problem(args) is { } problem)
        {
            Console.Error.WriteLine(problem + "\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return ValueOf(args, "--powerpack") is { } powerpack
                ? await RunOnPlivoAsync(powerpack, ValueOf(args, "--number")!, ValueOf(args, "--base-url"))
                : await RunOnSandboxAsync();
        }
        catch (PlivoRestException e) when (e.StatusCode == 0)
        {
            Console.Error.WriteLine($"Could not reach Plivo (no answer came): {e.Message}");
            return 1;
        }
        catch (PlivoRestException e)
        {
            Console.Error.WriteLine($"Plivo said no: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static async Task<int> RunOnSandboxAsync()
    {
        using var sandbox = PlivoSandbox.Start();
        Console.WriteLine($"Sandbox listening on {sandbox.BaseUrl}");
        using var api = new PlivoApi(sandbox.AuthId, sandbox.AuthToken, new PlivoClientOptions { BaseUrl = sandbox.BaseUrl });

        var powerpack = await api.Powerpacks.CreateAsync("quickstart", stickySender: true);
        Console.WriteLine($"Created Powerpack '{powerpack.Name}'; its number pool is {powerpack.NumberPoolPath}");

        var number = await powerpack.AddNumberAsync("14155550100");                                   // Version 1
        Console.WriteLine($"Version 1 added number {number.Number} ({number.Type}, {number.Service})");

        var added = await powerpack.AddTollfreeAsync("18772209942");                                   // Version 1
        Console.WriteLine($"Version 1 added {added.Number} ({added.Type}, {added.Service}) to pool {added.NumberPoolUuid} on {added.AddedOn:yyyy-MM-dd}");

        var added2 = await powerpack.NumberPool.Tollfree.AddAsync("18005550100", NumberService.Mms);   // Version 2
        Console.WriteLine($"Version 2 added {added2.Number} ({added2.Type}, {added2.Service}) to pool {added2.NumberPoolUuid} on {added2.AddedOn:yyyy-MM-dd}");

        var page = await powerpack.NumberPool.Numbers.ListAsync(limit: 20);
        Console.WriteLine($"The pool holds {page.Meta?.TotalCount} numbers: {string.Join(", ", page.Objects?.Select(n => n.Number) ?? Enumerable.Empty<string?>())}");

        var tollfree = await powerpack.NumberPool.Tollfree.ListAsync();
        Console.WriteLine($"Of them toll-free: {string.Join(", ", tollfree.Objects?.Select(n => n.Number) ?? Enumerable.Empty<string?>())}");

        var found = await powerpack.NumberPool.Tollfree.FindAsync("18772209942");
        Console.WriteLine($"Found {found.Number}, added on {found.AddedOn:yyyy-MM-dd}");

        var removed = await powerpack.RemoveTollfreeAsync("18772209942");                              // Version 1
        Console.WriteLine($"Removed 18772209942: {removed.Response}");
        Console.WriteLine($"Left in the pool: {string.Join(", ", sandbox.NumbersIn(powerpack.NumberPoolUuid!))}");

        var deleted = await powerpack.DeleteAsync(unrentNumbers: true);
        Console.WriteLine($"Deleted Powerpack '{powerpack.Name}' and unrented its numbers: {deleted.Response}");
        Console.WriteLine($"The sandbox saw {sandbox.Requests.Count} requests. Done.");
        return 0;
    }

    private static async Task<int> RunOnPlivoAsync(string powerpackUuid, string number, string? baseUrl)
    {
        var options = new PlivoClientOptions { BaseUrl = baseUrl is null ? PlivoClientOptions.DefaultBaseUrl : new Uri(baseUrl) };
        using var api = new PlivoApi(options); // PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN
        Console.WriteLine($"Using Plivo at {options.BaseUrl} as {api.Pipeline.Credentials.RedactedAuthId}");
        var powerpack = await api.Powerpacks.GetAsync(powerpackUuid);
        Console.WriteLine($"Got Powerpack '{powerpack.Name}'; its number pool is {powerpack.NumberPoolPath}");
        var added = await powerpack.NumberPool.Tollfree.AddAsync(number);
        Console.WriteLine($"Added {added.Number} ({added.Type}, {added.Service}) to pool {added.NumberPoolUuid} on {added.AddedOn:yyyy-MM-dd}");
        return 0;
    }

    // What is wrong with the command line, before anything runs: an unknown option, a half-given pair, a malformed value.
    private static string? Problem(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--powerpack" or "--number" or "--base-url")
            {
                i++; // its value
            }
            else
            {
                return $"Unknown option '{args[i]}'.";
            }
        }

        var powerpack = ValueOf(args, "--powerpack");
        var number = ValueOf(args, "--number");
        var baseUrl = ValueOf(args, "--base-url");
        if (powerpack is null != number is null || (args.Length > 0 && powerpack is null))
        {
            return "Give both --powerpack <uuid> and --number <digits>, or neither (to use the sandbox).";
        }

        if (powerpack is not null && !PlivoFormats.IsUuid(powerpack))
        {
            return $"--powerpack '{powerpack}' is not a uuid (8-4-4-4-12 hex digits).";
        }

        if (number is not null && !PlivoFormats.IsPhoneNumber(number))
        {
            return $"--number '{number}' is not a toll-free number: E.164 without '+', 2 to 15 digits, such as 18772209942.";
        }

        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            return $"--base-url '{baseUrl}' is not an absolute http(s) URL such as https://api.plivo.com/v1/.";
        }

        return null;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
