using System;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's toll-free operations on a number pool: a pool's numbers of the kind <c>tollfree</c>.</summary>
internal static class TollfreeRoutes
{
    private const string Number = "toll_free_number";
    private const string Pool = "number_pool_uuid";
    private const string Kind = "tollfree";

    public static SandboxAnswer Add(SandboxCall call) => NumberRoutes.AddAs(call, call.Path[Number], Kind, (pool, record) => Model(call, pool, record));

    public static SandboxAnswer Find(SandboxCall call)
    {
        var number = call.Path[Number];
        if (!PlivoFormats.IsPhoneNumber(number))
        {
            return SandboxCall.Error(400, $"invalid toll-free number '{number}'");
        }

        var record = call.PathUuid(Pool) is { } pool ? call.State.FindInPool(pool, number, Kind) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Model(call, call.PathUuid(Pool)!.Value, record));
    }

    public static SandboxAnswer List(SandboxCall call)
    {
        if (!Paging.TryRead(call, out var limit, out var offset, out var problem))
        {
            return problem!;
        }

        if (call.PathUuid(Pool) is not { } pool || call.State.ListPool(pool, n => n.Type == Kind, limit, offset) is not { } result)
        {
            return SandboxCall.Error(404, "number pool not found");
        }

        return call.Ok(new TollfreeNumberList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta($"{call.AccountPath}NumberPool/{pool:D}/Tollfree/", limit, offset, result.Total),
            Objects = result.Page.Select(n => Model(call, pool, n)).ToList(),
        });
    }

    public static SandboxAnswer Remove(SandboxCall call) => NumberRoutes.RemoveAs(call, call.Path[Number], Kind);

    private static TollfreeNumber Model(SandboxCall call, Guid pool, NumberRecord record) => new()
    {
        AccountPhoneNumberResource = $"{call.AccountPath}Number/{record.Number}/",
        AddedOn = record.AddedOn,
        ApiId = SandboxAnswers.NewApiId(),
        CountryIso2 = record.CountryIso2,
        Number = record.Number,
        NumberPoolUuid = pool.ToString("D"),
        Service = record.Service,
        Type = record.Type,
    };
}
