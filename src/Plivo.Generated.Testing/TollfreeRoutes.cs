using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's toll-free operations on a number pool.</summary>
internal static class TollfreeRoutes
{
    private const string Number = "toll_free_number";
    private const string Pool = "number_pool_uuid";

    public static SandboxAnswer Add(SandboxCall call)
    {
        var number = call.Path[Number];
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid toll-free number '{number}'");
        }

        if (!TryReadAddBody(call.Request.Body, out var service, out var problem))
        {
            return SandboxCall.Error(400, problem);
        }

        if (call.PathUuid(Pool) is not { } pool)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        var (added, record) = call.State.Add(pool, number, service);
        return added switch
        {
            null => SandboxCall.Error(404, "number pool not found"),
            false => SandboxCall.Error(400, $"number {number} already exists in the number pool"),
            true => call.Ok(Model(call, pool, record!)),
        };
    }

    public static SandboxAnswer Find(SandboxCall call)
    {
        var number = call.Path[Number];
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid toll-free number '{number}'");
        }

        var record = call.PathUuid(Pool) is { } pool ? call.State.Find(pool, number) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Model(call, call.PathUuid(Pool)!.Value, record));
    }

    public static SandboxAnswer List(SandboxCall call)
    {
        if (!call.TryQueryInt("limit", PlivoFormats.MaxPageSize, PlivoFormats.MinPageSize, PlivoFormats.MaxPageSize, out var limit)
            || !call.TryQueryInt("offset", PlivoFormats.MinOffset, PlivoFormats.MinOffset, int.MaxValue, out var offset))
        {
            return SandboxCall.Error(400, $"limit must be between {PlivoFormats.MinPageSize} and {PlivoFormats.MaxPageSize} and offset {PlivoFormats.MinOffset} or more");
        }

        if (call.PathUuid(Pool) is not { } pool || call.State.List(pool, limit, offset) is not { } result)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        var path = $"{call.AccountPath}NumberPool/{pool:D}/Tollfree/";
        return call.Ok(new TollfreeNumberList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta(path, limit, offset, result.Total),
            Objects = result.Page.Select(n => Model(call, pool, n)).ToList(),
        });
    }

    public static SandboxAnswer Remove(SandboxCall call)
    {
        var number = call.Path[Number];
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid toll-free number '{number}'");
        }

        if (call.Query.TryGetValue("unrent", out var unrent) && unrent is not ("true" or "false"))
        {
            return SandboxCall.Error(400, "unrent must be true or false");
        }

        var removed = call.PathUuid(Pool) is { } pool && call.State.Remove(pool, number);
        return removed ? call.Ok(new RemoveResult { ApiId = SandboxAnswers.NewApiId(), Response = "success" }) : SandboxCall.Error(404, "not found");
    }

    private static TollfreeNumber Model(SandboxCall call, Guid pool, NumberRecord record) => new()
    {
        AccountPhoneNumberResource = $"{call.AccountPath}Number/{record.Number}/",
        AddedOn = record.AddedOn,
        ApiId = SandboxAnswers.NewApiId(),
        CountryIso2 = "US",
        Number = record.Number,
        NumberPoolUuid = pool.ToString("D"),
        Service = record.Service,
        Type = "tollfree",
    };

    // No body, {"rent": false} and {"rent": "false"} are all what Plivo's SDKs send; "service" is optional.
    internal static bool TryReadAddBody(string? body, out string service, out string problem)
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
}
