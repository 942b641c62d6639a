using System.Text.Json.Serialization;
using Plivo.Generated.Testing;

namespace Plivo.Generated.SdkInterop;

/// <summary>
/// What the sandbox holds before tools/sdk-interop/interop.mjs runs, in one place: the numbers of every kind, and how
/// each kind gets into the sandbox. interop.mjs reads the same lists (as <see cref="SeedData"/>, JSON) to know what to
/// find, add, remove and buy; each number is spent once, in one of the SDK's two styles.
/// </summary>
internal static class Seed
{
    public const string PowerpackName = "sdk-interop";
    public const string SparePowerpackName = "sdk-interop-spare";

    /// <summary>Toll-free numbers in the main Powerpack's pool (found, listed, removed).</summary>
    public static readonly string[] PoolTollfree = ["18005550101", "18005550102", "18005550103", "18005550104", "18005550105"];

    /// <summary>Toll-free numbers the account rents, not in any pool (added).</summary>
    public static readonly string[] AccountTollfree = ["18885550201", "18885550202", "18885550203"];

    /// <summary>Long codes in the main Powerpack's pool (found, listed, filtered, removed).</summary>
    public static readonly string[] PoolNumbers = ["14155550101", "14155550102", "14155550103", "14155550104", "14155550105", "14155550106"];

    /// <summary>Long codes the account rents, not in any pool (added; the last one stays out, for a 404).</summary>
    public static readonly string[] AccountNumbers = ["14155550151", "14155550152", "14155550153", "14155550154", "14155550155"];

    /// <summary>Shortcodes in the main Powerpack's pool (found, listed, removed).</summary>
    public static readonly string[] Shortcodes = ["444401", "444402", "444403"];

    /// <summary>Numbers for sale (GET PhoneNumber/), each with its own 4-digit pattern, for buy_add_number.</summary>
    public static readonly InventoryNumber[] Inventory =
    [
        new("12125550171", "US", "local", "New York"),
        new("13105550172", "US", "local", "California"),
        new("16175550173", "US", "local", "Massachusetts"),
        new("17185550174", "US", "local", "New York"),
    ];

    /// <summary>Seeds <paramref name="sandbox"/> with every kind it can hold, and says which kinds it cannot hold yet.</summary>
    public static SeededSandbox Apply(PlivoSandbox sandbox)
    {
        var notSeeded = new List<string>();
        var powerpack = sandbox.AddPowerpack(PowerpackName, PoolTollfree);
        var spare = sandbox.AddPowerpack(SparePowerpackName);
        AddPoolNumbers(sandbox, powerpack, notSeeded);
        AddAccountNumbers(sandbox, notSeeded);
        AddAccountTollfree(sandbox, notSeeded);
        AddShortcodes(sandbox, powerpack, notSeeded);
        AddInventory(sandbox, notSeeded);

        var data = new SeedData(
            SeededPowerpack.From(powerpack), SeededPowerpack.From(spare),
            PoolNumbers, AccountNumbers, PoolTollfree, AccountTollfree, Shortcodes, Inventory);
        return new SeededSandbox(data, notSeeded);
    }

    // One method per kind of number. A kind that PlivoSandbox has no seeding call for yet is only named in notSeeded:
    // interop.mjs still runs the checks that need it, and they fail until the sandbox can hold it (the seeding call then
    // replaces the notSeeded line in the method).

    private static void AddPoolNumbers(PlivoSandbox sandbox, SandboxPowerpack powerpack, List<string> notSeeded) =>
        notSeeded.Add($"{PoolNumbers.Length} long codes in the pool of '{powerpack.Name}' ({string.Join(", ", PoolNumbers)}); {sandbox} has no call to put long codes in a pool");

    private static void AddAccountNumbers(PlivoSandbox sandbox, List<string> notSeeded) =>
        notSeeded.Add($"{AccountNumbers.Length} long codes rented by the account ({string.Join(", ", AccountNumbers)}); {sandbox} has no call to rent numbers to the account");

    private static void AddAccountTollfree(PlivoSandbox sandbox, List<string> notSeeded) =>
        notSeeded.Add($"{AccountTollfree.Length} toll-free numbers rented by the account ({string.Join(", ", AccountTollfree)}); {sandbox} has no call to rent numbers to the account (its toll-free add takes any number today)");

    private static void AddShortcodes(PlivoSandbox sandbox, SandboxPowerpack powerpack, List<string> notSeeded) =>
        notSeeded.Add($"{Shortcodes.Length} shortcodes in the pool of '{powerpack.Name}' ({string.Join(", ", Shortcodes)}); {sandbox} has no call to put shortcodes in a pool");

    private static void AddInventory(PlivoSandbox sandbox, List<string> notSeeded) =>
        notSeeded.Add($"{Inventory.Length} numbers for sale ({string.Join(", ", Inventory.Select(n => n.Number))}); {sandbox} has no phone-number inventory");
}

/// <summary>The seeded sandbox: what interop.mjs is told it holds, and the kinds that could not be seeded.</summary>
internal sealed record SeededSandbox(SeedData Data, IReadOnlyList<string> NotSeeded);

/// <summary>The seed as interop.mjs reads it (JSON, camelCase; see the comment at the top of interop.mjs).</summary>
internal sealed record SeedData(
    SeededPowerpack Powerpack,
    SeededPowerpack SparePowerpack,
    IReadOnlyList<string> PoolNumbers,
    IReadOnlyList<string> AccountNumbers,
    IReadOnlyList<string> PoolTollfree,
    IReadOnlyList<string> AccountTollfree,
    IReadOnlyList<string> Shortcodes,
    IReadOnlyList<InventoryNumber> Inventory);

/// <summary>A seeded Powerpack's uuids and name.</summary>
internal sealed record SeededPowerpack(string Uuid, string NumberPoolUuid, string Name)
{
    public static SeededPowerpack From(SandboxPowerpack powerpack) => new(powerpack.Uuid, powerpack.NumberPoolUuid, powerpack.Name);
}

/// <summary>A number for sale, with the fields Plivo's phone-number search filters on (snake_case, as Plivo writes them).</summary>
internal sealed record InventoryNumber(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("country_iso")] string CountryIso,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("region")] string Region);
