using System;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's operations on a pool's shortcodes (seeded; Plivo has no add).</summary>
internal static class ShortcodeRoutes
{
    private const string Pool = "number_pool_uuid";

    public static SandboxAnswer List(SandboxCall call)
    {
        if (!Paging.TryRead(call, out var limit, out var offset, out var problem))
        {
            return problem!;
        }

        if (call.PathUuid(Pool) is not { } pool || call.State.ListShortcodes(pool, limit, offset) is not { } result)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        return call.Ok(new PoolShortcodeList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta($"{call.AccountPath}NumberPool/{pool:D}/Shortcode/", limit, offset, result.Total),
            Objects = result.Page.Select(s => Model(pool, s, withApiId: false)).ToList(),
        });
    }

    public static SandboxAnswer Find(SandboxCall call)
    {
        var shortcode = call.Path["shortcode"];
        if (!PlivoFormats.IsShortcode(shortcode))
        {
            return SandboxCall.Error(400, $"invalid shortcode '{shortcode}'");
        }

        var record = call.PathUuid(Pool) is { } pool ? call.State.FindShortcode(pool, shortcode) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Model(call.PathUuid(Pool)!.Value, record));
    }

    public static SandboxAnswer Remove(SandboxCall call)
    {
        var shortcode = call.Path["shortcode"];
        if (!PlivoFormats.IsShortcode(shortcode))
        {
            return SandboxCall.Error(400, $"invalid shortcode '{shortcode}'");
        }

        var removed = call.PathUuid(Pool) is { } pool && call.State.RemoveShortcode(pool, shortcode);
        return removed ? call.Ok(new RemoveResult { ApiId = SandboxAnswers.NewApiId(), Response = "success" }) : SandboxCall.Error(404, "not found");
    }

    private static PoolShortcode Model(Guid pool, ShortcodeRecord record, bool withApiId = true) => new()
    {
        AddedOn = record.AddedOn,
        ApiId = withApiId ? SandboxAnswers.NewApiId() : null,
        CountryIso2 = record.CountryIso2,
        NumberPoolUuid = pool.ToString("D"),
        Shortcode = record.Shortcode,
    };
}
