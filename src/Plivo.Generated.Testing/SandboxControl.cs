using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// The control API, under <c>/__sandbox/</c>, outside every Plivo path (they all start with <c>/v1/</c>), so no Plivo
/// call can reach it: a thin HTTP face on <see cref="PlivoSandbox"/>'s own methods.
/// <list type="table">
/// <item><term><c>GET /__sandbox/state</c></term><description>the whole state, as a seed document (<see cref="PlivoSandbox.ExportState"/>)</description></item>
/// <item><term><c>POST /__sandbox/reset</c></term><description>back to the start-up seed; requests and faults forgotten (<see cref="PlivoSandbox.Reset"/>)</description></item>
/// <item><term><c>POST /__sandbox/seed</c></term><description>adds a seed document (<see cref="PlivoSandbox.Seed"/>); 400 naming the JSON path of a problem</description></item>
/// <item><term><c>GET /__sandbox/requests</c>, <c>DELETE</c></term><description>the request log, oldest first; or clear it</description></item>
/// <item><term><c>POST /__sandbox/faults</c>, <c>GET</c>, <c>DELETE</c></term><description>inject a <see cref="SandboxFault"/>; list them; remove them all</description></item>
/// </list>
/// With a control token set, every call needs <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
internal sealed class SandboxControl
{
    public const string Prefix = "/__sandbox/";

    private static readonly JsonSerializerSettings FaultJson = new() { MissingMemberHandling = MissingMemberHandling.Error, DateParseHandling = DateParseHandling.None };
    private static readonly JsonSerializer FaultWriter = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

    private readonly PlivoSandbox _sandbox;
    private readonly byte[]? _expectedAuthorization;

    public SandboxControl(PlivoSandbox sandbox, string? controlToken)
    {
        _sandbox = sandbox;
        _expectedAuthorization = controlToken is null ? null : Encoding.UTF8.GetBytes("Bearer " + controlToken);
    }

    public static bool Owns(string path) => path.StartsWith(Prefix, StringComparison.Ordinal) || path == Prefix.TrimEnd('/');

    public SandboxAnswer Handle(string method, string path, IReadOnlyDictionary<string, string> headers, string? body)
    {
        if (_expectedAuthorization is not null
            && !(headers.TryGetValue("Authorization", out var given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expectedAuthorization)))
        {
            return Problem(401, "the control API needs Authorization: Bearer <control token>");
        }

        var resource = path.Substring(Math.Min(path.Length, Prefix.Length)).TrimEnd('/');
        return (resource, method) switch
        {
            ("state", "GET") => Json(200, _sandbox.ExportStateTree()),
            ("reset", "POST") => Reset(),
            ("seed", "POST") => Seed(body),
            ("requests", "GET") => Json(200, new JObject { ["requests"] = new JArray(_sandbox.Requests.Select(Describe)) }),
            ("requests", "DELETE") => Cleared(() => _sandbox.ClearRequests()),
            ("faults", "POST") => AddFault(body),
            ("faults", "GET") => Json(200, new JObject { ["faults"] = JArray.FromObject(_sandbox.Faults, FaultWriter) }),
            ("faults", "DELETE") => Cleared(() => _sandbox.ClearFaults()),
            ("state" or "reset" or "seed" or "requests" or "faults", _) => Problem(405, $"{method} is not a method of /__sandbox/{resource}"),
            _ => Problem(404, $"no control endpoint /__sandbox/{resource}; there are state, reset, seed, requests and faults"),
        };
    }

    private SandboxAnswer Reset()
    {
        _sandbox.Reset();
        return Json(200, _sandbox.ExportStateTree());
    }

    private SandboxAnswer Seed(string? body)
    {
        try
        {
            _sandbox.Seed(body ?? string.Empty);
            return Json(200, _sandbox.ExportStateTree());
        }
        catch (SandboxSeedException e)
        {
            return Json(400, new JObject { ["error"] = e.Message, ["path"] = e.JsonPath });
        }
    }

    private SandboxAnswer AddFault(string? body)
    {
        SandboxFault? fault;
        try
        {
            fault = JsonConvert.DeserializeObject<SandboxFault>(body ?? string.Empty, FaultJson);
        }
        catch (JsonException e)
        {
            return Problem(400, $"the fault is not a fault's JSON: {e.Message}");
        }

        if (fault is null)
        {
            return Problem(400, "the body must be a fault's JSON, such as {\"operation\": \"Tollfree_Add\", \"status\": 503, \"times\": 1}");
        }

        try
        {
            return Json(201, JObject.FromObject(_sandbox.InjectFault(fault), FaultWriter));
        }
        catch (ArgumentException e)
        {
            return Problem(400, e.Message);
        }
    }

    private static SandboxAnswer Cleared(Action clear)
    {
        clear();
        return Json(200, new JObject { ["cleared"] = true });
    }

    private static JObject Describe(SandboxRequest request) => new()
    {
        ["time"] = request.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["method"] = request.Method,
        ["path"] = request.Path,
        ["query"] = request.Query,
        ["body"] = request.Body,
        ["status"] = request.StatusCode,
        ["operation_id"] = request.OperationId,
    };

    private static SandboxAnswer Problem(int status, string error) => Json(status, new JObject { ["error"] = error });

    private static SandboxAnswer Json(int status, JToken json) => new(status, json.ToString(Formatting.None));
}
