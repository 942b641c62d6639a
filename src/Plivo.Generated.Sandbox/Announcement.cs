using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Sandbox;

/// <summary>What plivo-sandbox prints once it listens: a few lines for people, and with --json one line for scripts.</summary>
internal static class Announcement
{
    /// <summary>The JSON line: where the sandbox is and how to get in. The Auth Token is in it only when the sandbox made it up (a given one is known to whoever gave it).</summary>
    public static string Json(PlivoSandbox sandbox, bool tokenGiven)
    {
        var fields = new Dictionary<string, object?>
        {
            ["base_url"] = sandbox.BaseUrl.ToString(),
            ["auth_id"] = sandbox.AuthId,
            ["auth_token"] = tokenGiven ? null : sandbox.AuthToken,
            ["control_url"] = sandbox.ControlUrl.ToString(),
            ["port"] = sandbox.BaseUrl.Port,
            ["strict"] = sandbox.Strict,
            ["pid"] = Environment.ProcessId,
        };
        return JsonSerializer.Serialize(fields);
    }

    /// <summary>The lines for people. A given Auth Token is not echoed.</summary>
    public static string Human(PlivoSandbox sandbox, SandboxToolSettings settings)
    {
        var version = FileVersionInfo.GetVersionInfo(typeof(Announcement).Assembly.Location).ProductVersion?.Split('+')[0];
        var token = settings.Options.AuthToken is null ? sandbox.AuthToken : "(the one given)";
        return string.Join(Environment.NewLine,
            $"plivo-sandbox {version} listening on {sandbox.BaseUrl}",
            $"  Auth ID     {sandbox.AuthId}",
            $"  Auth Token  {token}",
            $"  Control API {sandbox.ControlUrl} (state, reset, seed, requests, faults)",
            $"  Seed        {settings.SeedFile ?? "(none: empty)"}",
            $"  Strict      {(sandbox.Strict ? "on: requests and answers are held to the spec" : "off")}",
            "Ctrl+C or SIGTERM stops it.");
    }
}
