// QuickStart: adds a toll-free number to a Powerpack's number pool, both of Plivo's call styles.
// By default it runs against an embedded sandbox (PlivoSandbox on 127.0.0.1); with --powerpack and --number and
// PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN set, it does the add against the real Plivo API instead.
using System;
using System.Linq;
using System.Threading.Tasks;
using Plivo.Generated;
using Plivo.Generated.Testing;

return await QuickStart.RunAsync(args);

internal static class QuickStart
{
    private const string Usage = """
        QuickStart: add a toll-free number to a Plivo Powerpack's number pool.

        Usage:
          dotnet run --project samples/QuickStart
              Starts an embedded sandbox, seeds a Powerpack, gets it, adds one number Version-1 style
              (powerpack.AddTollfreeAsync) and one Version-2 style (powerpack.NumberPool.Tollfree.AddAsync),
              lists the pool, finds one number and removes it. Nothing leaves this machine.

          dotnet run --project samples/QuickStart -- --powerpack <uuid> --number <digits>
              Adds <digits> to the pool of Powerpack <uuid> on the real Plivo API, with the credentials in
              PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN. Plivo may charge for what you do with the number.

          --help    shows this text.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var powerpack = ValueOf(args, "--powerpack");
        var number = ValueOf(args, "--number");
        if (powerpack is null != number is null || args.Length > 0 && powerpack is null)
        {
            Console.Error.WriteLine("Give both --powerpack <uuid> and --number <digits>, or neither (to use the sandbox).\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return powerpack is null ? await RunOnSandboxAsync() : await RunOnPlivoAsync(powerpack, number!);
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
        var seeded = sandbox.AddPowerpack("quickstart");
        Console.WriteLine($"Seeded Powerpack {seeded.Uuid} with number pool {seeded.NumberPoolUuid}");

        using var api = new PlivoApi(sandbox.AuthId, sandbox.AuthToken, new PlivoClientOptions { BaseUrl = sandbox.BaseUrl });
        var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
        Console.WriteLine($"Got Powerpack '{powerpack.Name}'; its number pool is {powerpack.NumberPoolPath}");

        var added = await powerpack.AddTollfreeAsync("18772209942");
        Console.WriteLine($"Version 1 added {added.Number} ({added.Type}, {added.Service}) to pool {added.NumberPoolUuid} on {added.AddedOn:yyyy-MM-dd}");

        var added2 = await powerpack.NumberPool.Tollfree.AddAsync("18005550100", NumberService.Mms);
        Console.WriteLine($"Version 2 added {added2.Number} ({added2.Type}, {added2.Service}) to pool {added2.NumberPoolUuid} on {added2.AddedOn:yyyy-MM-dd}");

        var page = await powerpack.NumberPool.Tollfree.ListAsync(limit: 20);
        Console.WriteLine($"The pool holds {page.Meta?.TotalCount} numbers: {string.Join(", ", page.Objects!.Select(n => n.Number))}");

        var found = await powerpack.NumberPool.Tollfree.FindAsync("18772209942");
        Console.WriteLine($"Found {found.Number}, added on {found.AddedOn:yyyy-MM-dd}");

        var removed = await powerpack.RemoveTollfreeAsync("18772209942");
        Console.WriteLine($"Removed 18772209942: {removed.Response}");

        Console.WriteLine($"Left in the pool: {string.Join(", ", sandbox.NumbersIn(seeded.NumberPoolUuid))}");
        Console.WriteLine($"The sandbox saw {sandbox.Requests.Count} requests. Done.");
        return 0;
    }

    private static async Task<int> RunOnPlivoAsync(string powerpackUuid, string number)
    {
        using var api = new PlivoApi(); // PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN
        Console.WriteLine($"Using Plivo at {PlivoClientOptions.DefaultBaseUrl} as {api.AuthId}");
        var powerpack = await api.Powerpacks.GetAsync(powerpackUuid);
        Console.WriteLine($"Got Powerpack '{powerpack.Name}'; its number pool is {powerpack.NumberPoolPath}");
        var added = await powerpack.NumberPool.Tollfree.AddAsync(number);
        Console.WriteLine($"Added {added.Number} ({added.Type}, {added.Service}) to pool {added.NumberPoolUuid} on {added.AddedOn:yyyy-MM-dd}");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
