using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// Answers one request the way Plivo does: checks Basic auth, routes by method and path (trailing slash required),
/// reads or changes <see cref="SandboxState"/>, and shapes every answer as spec/plivo-numberpool.yaml says.
/// </summary>
internal sealed class SandboxRouter
{
    private readonly SandboxState _state;
    private readonly string _authId;
    private readonly string _expectedAuthorization;

    public SandboxRouter(SandboxState state, string authId, string authToken)
    {
        _state = state;
        _authId = authId;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken));
    }

    public SandboxAnswer Handle(SandboxRequest request)
    {
        request.Headers.TryGetValue("Authorization", out var authorization);
        if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
        {
            return Error(401, "authentication failed");
        }

        // /v1/Account/{auth_id}/... ; every Plivo path ends with "/".
        var segments = request.Path.Split('/');
        if (!request.Path.EndsWith("/", StringComparison.Ordinal) || segments.Length < 5 || segments[0] != string.Empty
            || segments[1] != "v1" || segments[2] != "Account")
        {
            return Error(404, "not found");
        }

        if (Uri.UnescapeDataString(segments[3]) != _authId)
        {
            return Error(401, "authentication failed");
        }

        var route = segments.Skip(4).Take(segments.Length - 5).Select(Uri.UnescapeDataString).ToArray();
        return route switch
        {
            ["Powerpack", var uuid] => request.Method == "GET" ? GetPowerpack(uuid) : NotAllowed(),
            ["NumberPool", var pool, "Tollfree"] => request.Method == "GET" ? List(pool, request.Query) : NotAllowed(),
            ["NumberPool", var pool, "Tollfree", var number] => request.Method switch
            {
                "POST" => Add(pool, number, request.Body),
                "GET" => Find(pool, number),
                "DELETE" => Remove(pool, number, request.Query),
                _ => NotAllowed(),
            },
            _ => Error(404, "not found"),
        };
    }

    private SandboxAnswer GetPowerpack(string uuidText)
    {
        var record = Guid.TryParseExact(uuidText, "D", out var uuid) ? _state.FindPowerpack(uuid) : null;
        if (record is null)
        {
            return Error(404, "not found");
        }

        return Ok(new JObject
        {
            ["api_id"] = NewApiId(),
            ["application_id"] = string.Empty,
            ["application_type"] = string.Empty,
            ["created_on"] = record.CreatedOn.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["local_connect"] = false,
            ["name"] = record.Name,
            ["number_pool"] = $"/v1/Account/{_authId}/NumberPool/{record.PoolUuid:D}/",
            ["sticky_sender"] = true,
            ["uuid"] = record.Uuid.ToString("D"),
        });
    }

    private SandboxAnswer Add(string poolText, string number, string? body)
    {
        if (!IsTollfreeNumber(number))
        {
            return Error(400, $"invalid toll-free number '{number}'");
        }

        if (!TryReadAddBody(body, out var service, out var problem))
        {
            return Error(400, problem);
        }

        if (!Guid.TryParseExact(poolText, "D", out var pool))
        {
            return Error(404, "number pool not found");
        }

        var (added, record) = _state.Add(pool, number, service);
        return added switch
        {
            null => Error(404, "number pool not found"),
            false => Error(400, $"number {number} already exists in the number pool"),
            true => Ok(NumberJson(pool, record!)),
        };
    }

    private SandboxAnswer Find(string poolText, string number)
    {
        if (!IsTollfreeNumber(number))
        {
            return Error(400, $"invalid toll-free number '{number}'");
        }

        var record = Guid.TryParseExact(poolText, "D", out var pool) ? _state.Find(pool, number) : null;
        return record is null ? Error(404, "not found") : Ok(NumberJson(pool, record));
    }

    private SandboxAnswer List(string poolText, string query)
    {
        var parameters = ParseQuery(query);
        if (!TryReadInt(parameters, "limit", 20, 1, 20, out var limit) || !TryReadInt(parameters, "offset", 0, 0, int.MaxValue, out var offset))
        {
            return Error(400, "limit must be between 1 and 20 and offset 0 or more");
        }

        var listed = Guid.TryParseExact(poolText, "D", out var pool) ? _state.List(pool, limit, offset) : null;
        if (listed is not { } result)
        {
            return Error(404, "number pool not found");
        }

        var path = $"/v1/Account/{_authId}/NumberPool/{pool:D}/Tollfree/";
        return Ok(new JObject
        {
            ["api_id"] = NewApiId(),
            ["meta"] = new JObject
            {
                ["limit"] = limit,
                ["next"] = offset + limit < result.Total ? $"{path}?limit={limit}&offset={offset + limit}" : null,
                ["offset"] = offset,
                ["previous"] = offset > 0 ? $"{path}?limit={limit}&offset={Math.Max(0, offset - limit)}" : null,
                ["total_count"] = result.Total,
            },
            ["objects"] = new JArray(result.Page.Select(n => NumberJson(pool, n))),
        });
    }

    private SandboxAnswer Remove(string poolText, string number, string query)
    {
        if (!IsTollfreeNumber(number))
        {
            return Error(400, $"invalid toll-free number '{number}'");
        }

        if (ParseQuery(query).TryGetValue("unrent", out var unrent) && unrent is not ("true" or "false"))
        {
            return Error(400, "unrent must be true or false");
        }

        var removed = Guid.TryParseExact(poolText, "D", out var pool) && _state.Remove(pool, number);
        return removed ? Ok(new JObject { ["api_id"] = NewApiId(), ["response"] = "success" }) : Error(404, "not found");
    }

    private JObject NumberJson(Guid pool, NumberRecord record) => new()
    {
        ["account_phone_number_resource"] = $"/v1/Account/{_authId}/Number/{record.Number}/",
        ["added_on"] = record.AddedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["api_id"] = NewApiId(),
        ["country_iso2"] = "US",
        ["number"] = record.Number,
        ["number_pool_uuid"] = pool.ToString("D"),
        ["service"] = record.Service,
        ["type"] = "tollfree",
    };

    // No body, {"rent": false} and {"rent": "false"} are all what Plivo's SDKs send; "service" is optional.
    private static bool TryReadAddBody(string? body, out string service, out string problem)
    {
        service = "sms";
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        JObject json;
        try
        {
            // JToken.Parse, unlike JsonConvert, refuses a body that breaks off (a missing closing brace).
            if (JToken.Parse(body!) is not JObject parsed)
            {
                problem = "the body must be a JSON object";
                return false;
            }

            json = parsed;
        }
        catch (JsonException)
        {
            problem = "the body is not valid JSON";
            return false;
        }

        if (json["rent"] is { } rent && !(rent.Type == JTokenType.Boolean || rent.Type == JTokenType.String && (string?)rent is "true" or "false"))
        {
            problem = "rent must be true or false";
            return false;
        }

        if (json["service"] is { } requested)
        {
            if (requested.Type != JTokenType.String || (string?)requested is not ("sms" or "mms"))
            {
                problem = "service must be sms or mms";
                return false;
            }

            service = (string)requested!;
        }

        return true;
    }

    internal static bool IsTollfreeNumber(string number) =>
        number.Length is >= 2 and <= 15 && number[0] != '0' && number.All(c => c is >= '0' and <= '9');

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            result[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1));
        }

        return result;
    }

    private static bool TryReadInt(Dictionary<string, string> parameters, string name, int absent, int min, int max, out int value)
    {
        value = absent;
        if (!parameters.TryGetValue(name, out var text))
        {
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static string NewApiId() => Guid.NewGuid().ToString("D");

    private static SandboxAnswer Ok(JObject body) => new(200, body.ToString(Formatting.None));

    private static SandboxAnswer NotAllowed() => Error(405, "method not allowed");

    private static SandboxAnswer Error(int status, string error) =>
        new(status, new JObject { ["api_id"] = NewApiId(), ["error"] = error }.ToString(Formatting.None));
}

/// <summary>A status and a JSON body.</summary>
internal sealed record SandboxAnswer(int StatusCode, string Json);
