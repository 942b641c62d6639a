namespace Plivo.Generated.Testing;

/// <summary>A Powerpack seeded into a <see cref="PlivoSandbox"/> with <see cref="PlivoSandbox.AddPowerpack"/>.</summary>
public sealed class SandboxPowerpack
{
    internal SandboxPowerpack(string uuid, string numberPoolUuid, string name)
    {
        Uuid = uuid;
        NumberPoolUuid = numberPoolUuid;
        Name = name;
    }

    /// <summary>The Powerpack's uuid, for <c>api.Powerpacks.GetAsync</c>.</summary>
    public string Uuid { get; }

    /// <summary>The uuid of its number pool, for <c>api.NumberPool(uuid)</c>.</summary>
    public string NumberPoolUuid { get; }

    /// <summary>The Powerpack's name.</summary>
    public string Name { get; }

    /// <summary>Shows the uuids and name.</summary>
    public override string ToString() => $"SandboxPowerpack(Uuid={Uuid}, NumberPoolUuid={NumberPoolUuid}, Name={Name})";
}
