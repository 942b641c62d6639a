using System.Globalization;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's Powerpack operations.</summary>
internal static class PowerpackRoutes
{
    public static SandboxAnswer Get(SandboxCall call)
    {
        var record = call.PathUuid("powerpack_uuid") is { } uuid ? call.State.FindPowerpack(uuid) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Resource(call, record));
    }

    internal static PowerpackResource Resource(SandboxCall call, PowerpackRecord record) => new()
    {
        ApiId = SandboxAnswers.NewApiId(),
        ApplicationId = string.Empty,
        ApplicationType = string.Empty,
        CreatedOn = record.CreatedOn.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        LocalConnect = false,
        Name = record.Name,
        NumberPool = $"{call.AccountPath}NumberPool/{record.PoolUuid:D}/",
        StickySender = true,
        Uuid = record.Uuid.ToString("D"),
    };
}
