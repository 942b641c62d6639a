using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's Powerpack operations.</summary>
internal static class PowerpackRoutes
{
    public static SandboxAnswer List(SandboxCall call)
    {
        if (!Paging.TryRead(call, out var limit, out var offset, out var problem))
        {
            return problem!;
        }

        var (page, total) = call.State.ListPowerpacks(limit, offset);
        return call.Ok(new PowerpackList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta($"{call.AccountPath}Powerpack/", limit, offset, total),
            Objects = page.Select(p => Resource(call, p, withApiId: false)).ToList(),
        });
    }

    public static SandboxAnswer Create(SandboxCall call)
    {
        var body = SandboxBody.Read(call.Request.Body, out var problem);
        string? name = null;
        if (body is null || !body.TryString("name", out name, ref problem) || !TryReadSettings(body, PowerpackSettings.Default, out var settings, ref problem))
        {
            return SandboxCall.Error(400, problem!);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return SandboxCall.Error(400, "name is required");
        }

        var record = call.State.CreatePowerpack(name!, settings);
        return record is null ? SandboxCall.Error(400, $"a Powerpack named '{name}' already exists") : call.Ok(Resource(call, record));
    }

    public static SandboxAnswer Get(SandboxCall call)
    {
        var record = call.PathUuid("powerpack_uuid") is { } uuid ? call.State.FindPowerpack(uuid) : null;
        return record is null ? SandboxCall.Error(404, "not found") : call.Ok(Resource(call, record));
    }

    public static SandboxAnswer Update(SandboxCall call)
    {
        var body = SandboxBody.Read(call.Request.Body, out var problem);
        string? name = null;
        if (body is null || !body.TryString("name", out name, ref problem))
        {
            return SandboxCall.Error(400, problem!);
        }

        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            return SandboxCall.Error(400, "name must not be empty");
        }

        if (call.PathUuid("powerpack_uuid") is not { } uuid || call.State.FindPowerpack(uuid) is not { } current)
        {
            return SandboxCall.Error(404, "not found");
        }

        if (!TryReadSettings(body, current.Settings, out var settings, ref problem))
        {
            return SandboxCall.Error(400, problem!);
        }

        var updated = call.State.UpdatePowerpack(uuid, name, _ => settings, out var nameTaken);
        return updated is null ? SandboxCall.Error(404, "not found")
            : nameTaken ? SandboxCall.Error(400, $"a Powerpack named '{name}' already exists")
            : call.Ok(Resource(call, updated));
    }

    public static SandboxAnswer Delete(SandboxCall call)
    {
        var body = SandboxBody.Read(call.Request.Body, out var problem);
        var unrent = false;
        if (body is null || !body.TryBool("unrent_numbers", absent: false, out unrent, ref problem) || !call.TryQueryBool("unrent_numbers", ref unrent, ref problem))
        {
            return SandboxCall.Error(400, problem!);
        }

        var deleted = call.PathUuid("powerpack_uuid") is { } uuid && call.State.DeletePowerpack(uuid, unrent);
        return deleted ? call.Ok(new RemoveResult { ApiId = SandboxAnswers.NewApiId(), Response = "success" }) : SandboxCall.Error(404, "not found");
    }

    internal static PowerpackResource Resource(SandboxCall call, PowerpackRecord record, bool withApiId = true) => new()
    {
        ApiId = withApiId ? SandboxAnswers.NewApiId() : null,
        ApplicationId = record.Settings.ApplicationId,
        ApplicationType = record.Settings.ApplicationType,
        CreatedOn = record.CreatedOn.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        LocalConnect = record.Settings.LocalConnect,
        Name = record.Name,
        NumberPool = $"{call.AccountPath}NumberPool/{record.PoolUuid:D}/",
        NumberPriority = record.Settings.NumberPriority.ToList(),
        StickySender = record.Settings.StickySender,
        Uuid = record.Uuid.ToString("D"),
    };

    // The fields create and update share; a field that is absent keeps its value in `current`.
    private static bool TryReadSettings(SandboxBody body, PowerpackSettings current, out PowerpackSettings settings, ref string? problem)
    {
        settings = current;
        if (!body.TryBool("sticky_sender", current.StickySender, out var sticky, ref problem)
            || !body.TryBool("local_connect", current.LocalConnect, out var local, ref problem)
            || !body.TryString("application_type", out var type, ref problem, "xml", "phlo", "XML", "PHLO"))
        {
            return false;
        }

        var applicationId = current.ApplicationId;
        if (body.Token("application_id") is { Type: JTokenType.String or JTokenType.Integer } id)
        {
            applicationId = (string?)id == "none" ? string.Empty : id.ToString();
        }
        else if (body.Has("application_id"))
        {
            problem = "application_id must be a string";
            return false;
        }

        var priority = current.NumberPriority;
        if (body.Token("number_priority") is { } token && token.Type != JTokenType.Null)
        {
            try
            {
                priority = SandboxJson.ToModel<List<NumberPriority>>(token) ?? new List<NumberPriority>();
            }
            catch (System.Text.Json.JsonException)
            {
                problem = "number_priority must be a list of {country_iso, service_type, priority}";
                return false;
            }
        }

        settings = new PowerpackSettings(sticky, local, type?.ToUpperInvariant() ?? current.ApplicationType, applicationId, priority);
        return true;
    }
}
