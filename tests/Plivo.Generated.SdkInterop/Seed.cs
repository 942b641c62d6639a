using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plivo.Generated.SdkInterop;

/// <summary>
/// What the sandbox holds before tools/sdk-interop/interop.mjs runs, in one place: the numbers of every kind, as one
/// seed document (<see cref="Document"/>). interop.mjs reads the same lists (as <see cref="SeedData"/>, JSON) to know
/// what to find, add, remove and buy; each number is spent once, in one of the SDK's two styles.
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

    /// <summary>The main Powerpack: its pool holds the pool's toll-free numbers, long codes and shortcodes.</summary>
    public static readonly SeededPowerpack Powerpack = new("2f6d5a3e-1b7c-4e8a-9d0f-3c5b7a9e1d24", "7a1c3e5f-2b4d-4f6a-8c0e-1d3f5b7a9c2e", PowerpackName);

    /// <summary>The spare Powerpack: two long codes, unrented when it is deleted with unrent_numbers.</summary>
    public static readonly SeededPowerpack SparePowerpack = new("5c8e0a2b-4d6f-4a1c-9e3b-7f9d1b3d5e6a", "9e2b4d6f-8a0c-4e2a-b4c6-d8f0a2c4e6b8", SparePowerpackName);

    /// <summary>All of the above as interop.mjs reads it.</summary>
    public static SeedData Data => new(Powerpack, SparePowerpack, PoolNumbers, AccountNumbers, PoolTollfree, AccountTollfree, Shortcodes, Inventory);

    /// <summary>
    /// All of the above as a seed document (plivo-sandbox-seed.schema.json), with the uuids fixed, so the same text
    /// seeds the in-process sandbox and the plivo-sandbox tool (<c>--seed FILE</c>).
    /// </summary>
    public static string Document() => JsonSerializer.Serialize(new
    {
        powerpacks = new object[]
        {
            new { name = Powerpack.Name, uuid = Powerpack.Uuid, number_pool_uuid = Powerpack.NumberPoolUuid, numbers = PoolNumbers, tollfree = PoolTollfree, shortcodes = Shortcodes },
            new { name = SparePowerpack.Name, uuid = SparePowerpack.Uuid, number_pool_uuid = SparePowerpack.NumberPoolUuid, numbers = SparePoolNumbers },
        },
        account_numbers = AccountNumbers.Select(n => (object)new { number = n, type = "fixed" })
            .Concat(AccountTollfree.Select(n => (object)new { number = n, type = "tollfree" })),
        inventory = Inventory.Select(n => new { number = n.Number, type = n.Type, country_iso2 = n.CountryIso, region = n.Region }),
    });
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
internal sealed record SeededPowerpack(string Uuid, string NumberPoolUuid, string Name);

/// <summary>A number for sale, with the fields Plivo's phone-number search filters on (snake_case, as Plivo writes them).</summary>
internal sealed record InventoryNumber(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("country_iso")] string CountryIso,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("region")] string Region);
