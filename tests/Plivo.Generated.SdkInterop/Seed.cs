using System.Text.Json.Serialization;
using Plivo.Generated;
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

    /// <summary>Long codes in the spare Powerpack's pool (unrented when it is deleted with unrent_numbers).</summary>
    public static readonly string[] SparePoolNumbers = ["14155550191", "14155550192"];

    /// <summary>Shortcodes in the main Powerpack's pool (found, listed, removed).</summary>
    public static readonly string[] Shortcodes = ["444401", "444402", "444403"];

    /// <summary>Numbers for sale (GET PhoneNumber/), each with its own 4-digit pattern, for buy_add_number.</summary>
    public static readonly InventoryNumber[] Inventory =
    [
        new("12125550171", "US", "fixed", "New York"),
        new("13105550172", "US", "fixed", "California"),
        new("16175550173", "US", "fixed", "Massachusetts"),
        new("17185550174", "US", "fixed", "New York"),
    ];

    /// <summary>Seeds <paramref name="sandbox"/> with all of the above, and returns it as interop.mjs reads it.</summary>
    public static SeedData Apply(PlivoSandbox sandbox)
    {
        var powerpack = AddPowerpacks(sandbox, out var spare);
        AddAccountNumbers(sandbox);
        AddInventory(sandbox);
        return new SeedData(
            SeededPowerpack.From(powerpack), SeededPowerpack.From(spare),
            PoolNumbers, AccountNumbers, PoolTollfree, AccountTollfree, Shortcodes, Inventory);
    }

    // The main Powerpack's pool holds the pool's toll-free numbers, long codes and shortcodes; the spare one, two long codes.
    private static SandboxPowerpack AddPowerpacks(PlivoSandbox sandbox, out SandboxPowerpack spare)
    {
        var powerpack = sandbox.AddPowerpack(PowerpackName, tollfreeNumbers: PoolTollfree, numbers: PoolNumbers, shortcodes: Shortcodes);
        spare = sandbox.AddPowerpack(SparePowerpackName, numbers: SparePoolNumbers);
        return powerpack;
    }

    // Numbers the account rents outside any pool: what the SDK's add (rent=false) may take.
    private static void AddAccountNumbers(PlivoSandbox sandbox)
    {
        foreach (var number in AccountNumbers)
        {
            sandbox.AddAccountNumber(number, NumberType.Fixed);
        }

        foreach (var number in AccountTollfree)
        {
            sandbox.AddAccountNumber(number, NumberType.Tollfree);
        }
    }

    // Numbers for sale: what the phone-number search finds and buy_add_number (rent=true) rents.
    private static void AddInventory(PlivoSandbox sandbox)
    {
        foreach (var offered in Inventory)
        {
            sandbox.AddInventoryNumber(offered.Number, Enum.Parse<NumberType>(offered.Type, ignoreCase: true), offered.CountryIso, offered.Region);
        }
    }
}

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
