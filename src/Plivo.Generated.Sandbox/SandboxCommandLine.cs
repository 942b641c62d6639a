using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Sandbox;

/// <summary>plivo-sandbox's options (System.CommandLine), and the checks that turn them into <see cref="PlivoSandboxOptions"/>.</summary>
internal sealed class SandboxCommandLine
{
    public const string AuthTokenVariable = "PLIVO_SANDBOX_AUTH_TOKEN";
    public const string ControlTokenVariable = "PLIVO_SANDBOX_CONTROL_TOKEN";

    private readonly Option<int> _port = new("--port") { Description = "The port to listen on; 0, the default, takes a free one (printed at start).", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _host = new("--host") { Description = "The address to listen on: an IP address or localhost. Default 127.0.0.1; another address than loopback needs --control-token and is warned about.", DefaultValueFactory = _ => "127.0.0.1" };
    private readonly Option<string?> _authId = new("--auth-id") { Description = "The Auth ID requests must carry (letters and digits); made up when absent." };
    private readonly Option<string?> _authToken = new("--auth-token") { Description = $"The Auth Token requests must carry; made up when absent. {AuthTokenVariable} keeps it off the command line." };
    private readonly Option<FileInfo?> _seed = new("--seed") { Description = "A seed document (JSON) to start with and to return to on reset; --seed-schema prints its JSON Schema." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Hold every request and answer to the spec: a request it forbids gets 400, an answer it forbids 500, each naming the rule." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON line on stdout once listening (base_url, auth_id, auth_token if made up, control_url, port, pid); the human text goes to stderr." };
    private readonly Option<string?> _controlToken = new("--control-token") { Description = $"The token the control API (/__sandbox/) asks for as 'Authorization: Bearer <token>'. {ControlTokenVariable} keeps it off the command line." };
    private readonly Option<int> _maxRequests = new("--max-recorded-requests") { Description = "How many requests the request log keeps, the newest (default 10000).", DefaultValueFactory = _ => 10_000 };
    private readonly Option<bool> _seedSchema = new("--seed-schema") { Description = "Print the seed document's JSON Schema and exit." };

    public SandboxCommandLine()
    {
        Root = new RootCommand(
            "plivo-sandbox: a stateful fake of Plivo's Powerpack API on this machine, for tests in any language. " +
            "Point an SDK at the printed base URL with the printed credentials. Control API under /__sandbox/: " +
            "GET state, POST reset, POST seed, GET|DELETE requests, POST|GET|DELETE faults. " +
            "Ctrl+C or SIGTERM stops it within a second (exit code 0); a bad argument exits with 2.");
        foreach (var option in new Option[] { _port, _host, _authId, _authToken, _seed, _strict, _json, _controlToken, _maxRequests, _seedSchema })
        {
            Root.Options.Add(option);
        }
    }

    public RootCommand Root { get; }

    /// <summary>The settings <paramref name="result"/> holds, or the first thing wrong with them.</summary>
    public (SandboxToolSettings? Settings, string? Problem) Read(ParseResult result)
    {
        if (result.Errors.Count > 0)
        {
            return (null, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        var port = result.GetValue(_port);
        if (port is < 0 or > 65535)
        {
            return (null, $"--port {port} is not a port (0 to 65535).");
        }

        var host = result.GetValue(_host)!;
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null)
        {
            return (null, $"--host '{host}' is not an IP address or localhost.");
        }

        var controlToken = result.GetValue(_controlToken) ?? Environment.GetEnvironmentVariable(ControlTokenVariable);
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(controlToken))
        {
            return (null, $"--host {host} lets other machines reach the sandbox and its control API: give --control-token (or set {ControlTokenVariable}).");
        }

        var authId = result.GetValue(_authId);
        if (authId is not null && (authId.Length is 0 or > 64 || !authId.All(char.IsAsciiLetterOrDigit)))
        {
            return (null, $"--auth-id '{authId}' must be 1 to 64 letters and digits (Plivo's look like MAXXXXXXXXXXXXXXXXXX).");
        }

        var authToken = result.GetValue(_authToken) ?? Environment.GetEnvironmentVariable(AuthTokenVariable);
        if (authToken is { Length: 0 })
        {
            return (null, "--auth-token must not be empty.");
        }

        var maxRequests = result.GetValue(_maxRequests);
        if (maxRequests < 0)
        {
            return (null, $"--max-recorded-requests {maxRequests} must not be negative.");
        }

        string? seed = null;
        var seedFile = result.GetValue(_seed);
        if (seedFile is not null)
        {
            if (!seedFile.Exists)
            {
                return (null, $"--seed {seedFile.FullName}: no such file.");
            }

            seed = File.ReadAllText(seedFile.FullName);
        }

        var options = new PlivoSandboxOptions
        {
            AuthId = authId,
            AuthToken = authToken,
            Port = port,
            Host = host,
            ControlToken = controlToken,
            Strict = result.GetValue(_strict),
            Seed = seed,
            MaxRecordedRequests = maxRequests,
        };
        return (new SandboxToolSettings(options, seedFile?.FullName, result.GetValue(_json), result.GetValue(_seedSchema), !IPAddress.IsLoopback(address)), null);
    }
}

/// <summary>What the command line asked for.</summary>
internal sealed record SandboxToolSettings(PlivoSandboxOptions Options, string? SeedFile, bool Json, bool PrintSeedSchema, bool BeyondLoopback);
