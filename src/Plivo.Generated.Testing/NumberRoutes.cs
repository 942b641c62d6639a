using System;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's operations on a pool's numbers (long codes; toll-free numbers are listed too, as Plivo does).</summary>
internal static class NumberRoutes
{
    private const string Number = "number";
    private const string Pool = "number_pool_uuid";

    public static SandboxAnswer List(SandboxCall call)
    {
        if (!Paging.TryRead(call, out var limit, out var offset, out var problem))
        {
            return problem!;
        }

        call.Query.TryGetValue("country_iso2", out var country);
        call.Query.TryGetValue("type", out var type);
        call.Query.TryGetValue("service", out var service);
        var prefixes = call.Query.TryGetValue("starts_with", out var startsWith) && startsWith.Length > 0
            ? startsWith.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            : Array.Empty<string>();
        if (prefixes.Length > PlivoFormats.MaxStartsWithPrefixes || prefixes.Any(p => !PlivoFormats.IsNumberPrefix(p)))
        {
            return SandboxCall.Error(400, $"starts_with takes at most {PlivoFormats.MaxStartsWithPrefixes} prefixes of digits");
        }

        if (prefixes.Length > 0 && string.IsNullOrEmpty(country))
        {
            return SandboxCall.Error(400, "starts_with needs country_iso2");
        }

        if (type is { Length: > 0 } && type is not ("fixed" or "mobile" or "tollfree") || service is { Length: > 0 } && service is not ("sms" or "mms"))
        {
            return SandboxCall.Error(400, "type must be fixed, mobile or tollfree and service sms or mms");
        }

        if (call.PathUuid(Pool) is not { } pool || call.State.ListPool(pool, n =>
                (string.IsNullOrEmpty(country) || n.CountryIso2 == country)
                && (string.IsNullOrEmpty(type) || n.Type == type)
                && (string.IsNullOrEmpty(service) || n.Service == service)
                && (prefixes.Length == 0 || prefixes.Any(p => n.Number.StartsWith(p, StringComparison.Ordinal))), limit, offset) is not { } result)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        return call.Ok(new PoolNumberList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta($"{call.AccountPath}NumberPool/{pool:D}/Number/", limit, offset, result.Total),
            Objects = result.Page.Select(n => Model(call, pool, n, withApiId: false)).ToList(),
        });
    }

    public static SandboxAnswer Find(SandboxCall call)
    {
        var number = call.Path[Number];
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid number '{number}'");
        }

        var record = call.PathUuid(Pool) is { } pool ? call.State.FindInPool(pool, number, kind: null) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Model(call, call.PathUuid(Pool)!.Value, record));
    }

    public static SandboxAnswer Add(SandboxCall call) => AddAs(call, call.Path[Number], kind: null, (pool, record) => Model(call, pool, record));

    public static SandboxAnswer Remove(SandboxCall call) => RemoveAs(call, call.Path[Number], kind: null);

    /// <summary>An add to a pool, shared with the toll-free route: the body's <c>rent</c> and <c>service</c>, then the state's answer.</summary>
    internal static SandboxAnswer AddAs(SandboxCall call, string number, string? kind, Func<Guid, NumberRecord, object> model)
    {
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid {(kind == "tollfree" ? "toll-free " : string.Empty)}number '{number}'");
        }

        var body = SandboxBody.Read(call.Request.Body, out var problem);
        var rent = false;
        string? service = null;
        if (body is null || !body.TryBool("rent", absent: false, out rent, ref problem) || !body.TryString("service", out service, ref problem, "sms", "mms"))
        {
            return SandboxCall.Error(400, problem!);
        }

        if (call.PathUuid(Pool) is not { } pool)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        var (added, record, refused) = call.State.AddToPool(pool, number, service ?? "sms", kind, rent);
        return added switch
        {
            null => SandboxCall.Error(404, "number pool not found"),
            false => SandboxCall.Error(400, refused!),
            true => call.Ok(model(pool, record!)),
        };
    }

    /// <summary>A remove from a pool, shared with the toll-free route: <c>unrent</c> from the body (as Plivo's SDKs send it) or, leniently, the query.</summary>
    internal static SandboxAnswer RemoveAs(SandboxCall call, string number, string? kind)
    {
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid {(kind == "tollfree" ? "toll-free " : string.Empty)}number '{number}'");
        }

        var body = SandboxBody.Read(call.Request.Body, out var problem);
        var unrent = false;
        if (body is null || !body.TryBool("unrent", absent: false, out unrent, ref problem) || !call.TryQueryBool("unrent", ref unrent, ref problem))
        {
            return SandboxCall.Error(400, problem!);
        }

        var removed = call.PathUuid(Pool) is { } pool && call.State.RemoveFromPool(pool, number, kind, unrent);
        return removed ? call.Ok(new RemoveResult { ApiId = SandboxAnswers.NewApiId(), Response = "success" }) : SandboxCall.Error(404, "not found");
    }

    private static PoolNumber Model(SandboxCall call, Guid pool, NumberRecord record, bool withApiId = true) => new()
    {
        AccountPhoneNumberResource = $"{call.AccountPath}Number/{record.Number}/",
        AddedOn = record.AddedOn,
        ApiId = withApiId ? SandboxAnswers.NewApiId() : null,
        CountryIso2 = record.CountryIso2,
        Number = record.Number,
        NumberPoolUuid = pool.ToString("D"),
        Service = record.Service,
        Type = record.Type,
    };
}
