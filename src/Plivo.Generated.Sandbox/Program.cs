// plivo-sandbox: PlivoSandbox (the same code as Plivo.Generated.Testing) as a server of its own, for tests in any
// language. Exit codes: 0 after a clean stop (Ctrl+C, SIGTERM) or --help; 2 for a bad argument or seed file; 1 when
// it cannot listen (the port is taken).
using System;
using System.IO;
using Plivo.Generated.Sandbox;
using Plivo.Generated.Testing;

var commandLine = new SandboxCommandLine();
var parsed = commandLine.Root.Parse(args);
if (parsed.Action is not null && parsed.Errors.Count == 0)
{
    return parsed.Invoke(); // --help, --version
}

var (settings, problem) = commandLine.Read(parsed);
if (settings is null)
{
    Console.Error.WriteLine($"plivo-sandbox: {problem}");
    Console.Error.WriteLine("Run plivo-sandbox --help for the options.");
    return 2;
}

if (settings.PrintSeedSchema)
{
    Console.WriteLine(PlivoSandbox.SeedSchema);
    return 0;
}

using var shutdown = new ShutdownSignal();
PlivoSandbox sandbox;
try
{
    sandbox = PlivoSandbox.Start(settings.Options);
}
catch (SandboxSeedException e)
{
    Console.Error.WriteLine($"plivo-sandbox: the seed file {settings.SeedFile} cannot be used: {e.Message}");
    return 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"plivo-sandbox: {e.Message}");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"plivo-sandbox: cannot listen on {settings.Options.Host}:{settings.Options.Port}: {e.Message}");
    return 1;
}

using (sandbox)
{
    if (settings.BeyondLoopback)
    {
        Console.Error.WriteLine($"plivo-sandbox: warning: listening on {settings.Options.Host}, not loopback: other machines can reach it (the control API asks for the control token).");
    }

    var human = Announcement.Human(sandbox, settings);
    if (settings.Json)
    {
        Console.Error.WriteLine(human);
        Console.WriteLine(Announcement.Json(sandbox, tokenGiven: settings.Options.AuthToken is not null));
    }
    else
    {
        Console.WriteLine(human);
    }

    Console.Out.Flush();
    shutdown.Wait();
    Console.Error.WriteLine($"plivo-sandbox: {shutdown.Signal}, stopping.");
}

return 0;
