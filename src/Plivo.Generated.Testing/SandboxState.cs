using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// The sandbox's data: Powerpacks and their pools (numbers, toll-free numbers, shortcodes), the numbers the account
/// rents, and Plivo's inventory of numbers to rent. Every member takes the one lock. Renting moves a number from the
/// inventory to the account; unrenting moves it back; a pool holds numbers of the account.
/// </summary>
internal sealed class SandboxState
{
    private readonly object _gate = new();
    private readonly List<PowerpackRecord> _powerpacks = new();
    private readonly Dictionary<Guid, Pool> _pools = new();
    private readonly Dictionary<string, AccountNumberRecord> _account = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InventoryRecord> _inventory = new(StringComparer.Ordinal);

    // ---- Powerpacks ---------------------------------------------------------------------------------------------------

    /// <summary>Creates a Powerpack with an empty pool; null when the name is taken.</summary>
    public PowerpackRecord? CreatePowerpack(string name, PowerpackSettings settings)
    {
        lock (_gate)
        {
            return NameTaken(name) ? null : Create(name, settings, null, null);
        }
    }

    // ---- seeding, export, reset -----------------------------------------------------------------------------------------

    /// <summary>
    /// Adds what <paramref name="seed"/> holds, all or nothing: a name, uuid or pool number the state has already, or an
    /// inventory number the account rents, is a <see cref="SandboxSeedException"/> naming the item, and nothing changes.
    /// A number the account rents already is taken as it is.
    /// </summary>
    public void Apply(SeedDocument seed)
    {
        lock (_gate)
        {
            foreach (var powerpack in seed.Powerpacks)
            {
                if (NameTaken(powerpack.Name))
                {
                    throw new SandboxSeedException(powerpack.Path + ".name", $"a Powerpack named '{powerpack.Name}' is in the sandbox already (names are unique)");
                }

                if (UuidTaken(powerpack.Uuid) || UuidTaken(powerpack.PoolUuid))
                {
                    throw new SandboxSeedException(powerpack.Path + (UuidTaken(powerpack.Uuid) ? ".uuid" : ".number_pool_uuid"), "a Powerpack or pool in the sandbox has this uuid already");
                }

                if (powerpack.Numbers.FirstOrDefault(n => _pools.Values.Any(pool => pool.Find(n.Number) is not null)) is { } pooled)
                {
                    throw new SandboxSeedException(pooled.Path, $"{pooled.Number} is in a pool of the sandbox already (a number is in at most one pool)");
                }
            }

            if (seed.Inventory.FirstOrDefault(n => _account.ContainsKey(n.Number)) is { } rented)
            {
                throw new SandboxSeedException(rented.Path, $"{rented.Number} is rented by the account, so Plivo cannot offer it");
            }

            foreach (var powerpack in seed.Powerpacks)
            {
                var record = Create(powerpack.Name, powerpack.Settings, powerpack.Uuid, powerpack.PoolUuid);
                var pool = _pools[record.PoolUuid];
                foreach (var number in powerpack.Numbers)
                {
                    Rent(number.Number, number.Type, number.CountryIso2);
                    pool.Add(new NumberRecord(number.Number, number.Service, number.Type, number.CountryIso2, DateTime.UtcNow.Date));
                }

                foreach (var shortcode in powerpack.Shortcodes)
                {
                    pool.Shortcodes.Add(new ShortcodeRecord(shortcode.Shortcode, shortcode.CountryIso2, DateTime.UtcNow.Date));
                }
            }

            foreach (var number in seed.AccountNumbers)
            {
                Rent(number.Number, number.Type, number.CountryIso2);
            }

            foreach (var offered in seed.Inventory)
            {
                _inventory[offered.Number] = new InventoryRecord(offered.Number, offered.Type, offered.CountryIso2, offered.Region);
            }
        }
    }

    /// <summary>Everything the state holds now: Powerpacks with their pools, the account's numbers outside pools, the inventory.</summary>
    public SandboxStateSnapshot Snapshot()
    {
        lock (_gate)
        {
            var pooled = new HashSet<string>(_pools.Values.SelectMany(p => p.Numbers).Select(n => n.Number), StringComparer.Ordinal);
            return new SandboxStateSnapshot(
                _powerpacks.Select(p => new PowerpackSnapshot(p, _pools[p.PoolUuid].Numbers.ToList(), _pools[p.PoolUuid].Shortcodes.ToList())).ToList(),
                _account.Values.Where(n => !pooled.Contains(n.Number)).OrderBy(n => n.Number, StringComparer.Ordinal).ToList(),
                _inventory.Values.ToList());
        }
    }

    /// <summary>Forgets everything: no Powerpack, no pool, no number rented or offered.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _powerpacks.Clear();
            _pools.Clear();
            _account.Clear();
            _inventory.Clear();
        }
    }

    // Called under the lock.
    private bool NameTaken(string name) => _powerpacks.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    // Called under the lock.
    private bool UuidTaken(Guid? uuid) => uuid is { } value && (_pools.ContainsKey(value) || _powerpacks.Any(p => p.Uuid == value));

    // Called under the lock.
    private PowerpackRecord Create(string name, PowerpackSettings settings, Guid? uuid, Guid? poolUuid)
    {
        var record = new PowerpackRecord(uuid ?? Guid.NewGuid(), poolUuid ?? Guid.NewGuid(), name, DateTimeOffset.UtcNow, settings);
        _powerpacks.Add(record);
        _pools.Add(record.PoolUuid, new Pool());
        return record;
    }

    // Called under the lock: the account rents the number from now on (taken out of the inventory); a rented one stays as it is.
    private void Rent(string number, string type, string countryIso2)
    {
        if (!_account.ContainsKey(number))
        {
            _inventory.Remove(number);
            _account.Add(number, new AccountNumberRecord(number, type, countryIso2, DateTime.UtcNow.Date));
        }
    }

    public PowerpackRecord? FindPowerpack(Guid uuid)
    {
        lock (_gate)
        {
            return _powerpacks.FirstOrDefault(p => p.Uuid == uuid);
        }
    }

    /// <summary>One page of the Powerpacks (oldest first) and their count.</summary>
    public (IReadOnlyList<PowerpackRecord> Page, int Total) ListPowerpacks(int limit, int offset)
    {
        lock (_gate)
        {
            return (_powerpacks.Skip(offset).Take(limit).ToList(), _powerpacks.Count);
        }
    }

    /// <summary>The Powerpack with the changes made; null when there is none, and <paramref name="nameTaken"/> when the new name belongs to another.</summary>
    public PowerpackRecord? UpdatePowerpack(Guid uuid, string? name, Func<PowerpackSettings, PowerpackSettings> change, out bool nameTaken)
    {
        lock (_gate)
        {
            nameTaken = false;
            var index = _powerpacks.FindIndex(p => p.Uuid == uuid);
            if (index < 0)
            {
                return null;
            }

            var current = _powerpacks[index];
            if (name is not null && _powerpacks.Any(p => p.Uuid != uuid && string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                nameTaken = true;
                return current;
            }

            var updated = current with { Name = name ?? current.Name, Settings = change(current.Settings) };
            _powerpacks[index] = updated;
            return updated;
        }
    }

    /// <summary>Deletes the Powerpack and its pool; with <paramref name="unrentNumbers"/> the pool's numbers go back to the inventory. False when there is none.</summary>
    public bool DeletePowerpack(Guid uuid, bool unrentNumbers)
    {
        lock (_gate)
        {
            var record = _powerpacks.FirstOrDefault(p => p.Uuid == uuid);
            if (record is null)
            {
                return false;
            }

            _powerpacks.Remove(record);
            if (_pools.TryGetValue(record.PoolUuid, out var pool) && unrentNumbers)
            {
                foreach (var number in pool.Numbers.ToList())
                {
                    Unrent(number.Number);
                }
            }

            _pools.Remove(record.PoolUuid);
            return true;
        }
    }

    // ---- a pool's numbers (long codes and toll-free) -------------------------------------------------------------------

    /// <summary>
    /// Adds a number to a pool. With <paramref name="rent"/> the number is rented first from the inventory (false: not
    /// there, or the account already rents it). Without, a number the account does not rent yet is taken as one it
    /// rents (the sandbox's seeding is that lenient). Null: no such pool.
    /// </summary>
    public (bool? Added, NumberRecord? Record, string? Problem) AddToPool(Guid pool, string number, string service, string? kind, bool rent)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers))
            {
                return (null, null, null);
            }

            if (numbers.Find(number) is not null)
            {
                return (false, null, $"number {number} already exists in the number pool");
            }

            if (rent)
            {
                if (_account.ContainsKey(number))
                {
                    return (false, null, $"number {number} is already rented by the account");
                }

                if (!_inventory.TryGetValue(number, out var offered))
                {
                    return (false, null, $"number {number} is not available to rent");
                }

                _inventory.Remove(number);
                _account.Add(number, new AccountNumberRecord(number, offered.Type, offered.CountryIso2, DateTime.UtcNow.Date));
            }
            else if (!_account.ContainsKey(number))
            {
                _account.Add(number, new AccountNumberRecord(number, kind ?? KindOf(number), "US", DateTime.UtcNow.Date));
            }

            var owned = _account[number];
            var record = new NumberRecord(number, service, kind ?? owned.Type, owned.CountryIso2, DateTime.UtcNow.Date);
            numbers.Add(record);
            return (true, record, null);
        }
    }

    public NumberRecord? FindInPool(Guid pool, string number, string? kind)
    {
        lock (_gate)
        {
            var record = _pools.TryGetValue(pool, out var numbers) ? numbers.Find(number) : null;
            return record is not null && (kind is null || record.Type == kind) ? record : null;
        }
    }

    /// <summary>One page of a pool's numbers that pass <paramref name="match"/>, and their count; null when the pool does not exist.</summary>
    public (IReadOnlyList<NumberRecord> Page, int Total)? ListPool(Guid pool, Func<NumberRecord, bool> match, int limit, int offset)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers))
            {
                return null;
            }

            var matching = numbers.Numbers.Where(match).ToList();
            return (matching.Skip(offset).Take(limit).ToList(), matching.Count);
        }
    }

    /// <summary>Removes a number from a pool (of <paramref name="kind"/>, when given); with <paramref name="unrent"/> it goes back to the inventory.</summary>
    public bool RemoveFromPool(Guid pool, string number, string? kind, bool unrent)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers) || numbers.Find(number) is not { } record || (kind is not null && record.Type != kind))
            {
                return false;
            }

            numbers.Remove(number);
            if (unrent)
            {
                Unrent(number);
            }

            return true;
        }
    }

    // ---- shortcodes -----------------------------------------------------------------------------------------------------

    /// <summary>Links a shortcode to a pool; null when there is no such pool, false when it is already there.</summary>
    public bool? AddShortcode(Guid pool, string shortcode, string countryIso2)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers))
            {
                return null;
            }

            if (numbers.Shortcodes.Any(s => s.Shortcode == shortcode))
            {
                return false;
            }

            numbers.Shortcodes.Add(new ShortcodeRecord(shortcode, countryIso2, DateTime.UtcNow.Date));
            return true;
        }
    }

    public ShortcodeRecord? FindShortcode(Guid pool, string shortcode)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.Shortcodes.FirstOrDefault(s => s.Shortcode == shortcode) : null;
        }
    }

    public (IReadOnlyList<ShortcodeRecord> Page, int Total)? ListShortcodes(Guid pool, int limit, int offset)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? (numbers.Shortcodes.Skip(offset).Take(limit).ToList(), numbers.Shortcodes.Count) : null;
        }
    }

    public bool RemoveShortcode(Guid pool, string shortcode)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) && numbers.Shortcodes.RemoveAll(s => s.Shortcode == shortcode) > 0;
        }
    }

    // ---- the account and the inventory ------------------------------------------------------------------------------------

    /// <summary>Makes the account rent a number; false when it already does.</summary>
    public bool AddAccountNumber(string number, string type, string countryIso2)
    {
        lock (_gate)
        {
            if (_account.ContainsKey(number))
            {
                return false;
            }

            _inventory.Remove(number);
            _account.Add(number, new AccountNumberRecord(number, type, countryIso2, DateTime.UtcNow.Date));
            return true;
        }
    }

    /// <summary>Offers a number for rent; false when the account rents it or it is offered already.</summary>
    public bool AddInventoryNumber(InventoryRecord record)
    {
        lock (_gate)
        {
            if (_account.ContainsKey(record.Number) || _inventory.ContainsKey(record.Number))
            {
                return false;
            }

            _inventory.Add(record.Number, record);
            return true;
        }
    }

    /// <summary>One page of the inventory that passes <paramref name="match"/> (in the order offered), and its count.</summary>
    public (IReadOnlyList<InventoryRecord> Page, int Total) SearchInventory(Func<InventoryRecord, bool> match, int limit, int offset)
    {
        lock (_gate)
        {
            var matching = _inventory.Values.Where(match).ToList();
            return (matching.Skip(offset).Take(limit).ToList(), matching.Count);
        }
    }

    // ---- inspection -------------------------------------------------------------------------------------------------------

    public IReadOnlyList<string> NumbersIn(Guid pool, string? kind = null)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.Numbers.Where(n => kind is null || n.Type == kind).Select(n => n.Number).ToList() : Array.Empty<string>();
        }
    }

    public IReadOnlyList<string> ShortcodesIn(Guid pool)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.Shortcodes.Select(s => s.Shortcode).ToList() : Array.Empty<string>();
        }
    }

    public IReadOnlyList<string> AccountNumbers()
    {
        lock (_gate)
        {
            return _account.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
    }

    public IReadOnlyList<string> InventoryNumbers()
    {
        lock (_gate)
        {
            return _inventory.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
    }

    public IReadOnlyList<PowerpackRecord> Powerpacks()
    {
        lock (_gate)
        {
            return _powerpacks.ToList();
        }
    }

    /// <summary>The kind of a number the account takes without saying: US/Canada toll-free prefixes (800, 833-888) are toll-free.</summary>
    internal static string KindOf(string number) =>
        number.Length == 11 && number[0] == '1' && number.Substring(1, 3) is "800" or "833" or "844" or "855" or "866" or "877" or "888" ? "tollfree" : "fixed";

    // Called under the lock.
    private void Unrent(string number)
    {
        if (_account.TryGetValue(number, out var owned))
        {
            _account.Remove(number);
            _inventory[number] = new InventoryRecord(number, owned.Type, owned.CountryIso2, null);
        }
    }

    /// <summary>A pool: its numbers in the order they were added (indexed for add and find under load), and its shortcodes.</summary>
    private sealed class Pool
    {
        private readonly Dictionary<string, NumberRecord> _byNumber = new(StringComparer.Ordinal);

        public List<NumberRecord> Numbers { get; } = new();

        public List<ShortcodeRecord> Shortcodes { get; } = new();

        public NumberRecord? Find(string number) => _byNumber.TryGetValue(number, out var record) ? record : null;

        public void Add(NumberRecord record)
        {
            _byNumber.Add(record.Number, record);
            Numbers.Add(record);
        }

        public void Remove(string number)
        {
            if (_byNumber.TryGetValue(number, out var record))
            {
                _byNumber.Remove(number);
                Numbers.Remove(record);
            }
        }
    }
}

/// <summary>What a Powerpack is set to besides its name.</summary>
internal sealed record PowerpackSettings(bool StickySender, bool LocalConnect, string ApplicationType, string ApplicationId, IReadOnlyList<NumberPriority> NumberPriority)
{
    public static readonly PowerpackSettings Default = new(true, true, string.Empty, string.Empty, Array.Empty<NumberPriority>());
}

internal sealed record PowerpackRecord(Guid Uuid, Guid PoolUuid, string Name, DateTimeOffset CreatedOn, PowerpackSettings Settings);

/// <summary>A number in a pool: its service there, its kind (<c>fixed</c>, <c>mobile</c>, <c>tollfree</c>) and country.</summary>
internal sealed record NumberRecord(string Number, string Service, string Type, string CountryIso2, DateTime AddedOn);

internal sealed record ShortcodeRecord(string Shortcode, string CountryIso2, DateTime AddedOn);

internal sealed record AccountNumberRecord(string Number, string Type, string CountryIso2, DateTime RentedOn);

internal sealed record InventoryRecord(string Number, string Type, string CountryIso2, string? Region);

/// <summary>What <see cref="SandboxState.Snapshot"/> copies out.</summary>
internal sealed record SandboxStateSnapshot(IReadOnlyList<PowerpackSnapshot> Powerpacks, IReadOnlyList<AccountNumberRecord> AccountNumbers, IReadOnlyList<InventoryRecord> Inventory);

internal sealed record PowerpackSnapshot(PowerpackRecord Record, IReadOnlyList<NumberRecord> Numbers, IReadOnlyList<ShortcodeRecord> Shortcodes);
