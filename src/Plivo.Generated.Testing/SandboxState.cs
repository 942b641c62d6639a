using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's data: Powerpacks and the toll-free numbers in their pools. Every member takes the one lock.</summary>
internal sealed class SandboxState
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, PowerpackRecord> _powerpacks = new();
    private readonly Dictionary<Guid, Pool> _pools = new();

    public SandboxPowerpack AddPowerpack(string name, IEnumerable<string> numbers)
    {
        var record = new PowerpackRecord(Guid.NewGuid(), Guid.NewGuid(), name, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _powerpacks.Add(record.Uuid, record);
            var pool = new Pool();
            _pools.Add(record.PoolUuid, pool);
            foreach (var number in numbers)
            {
                pool.TryAdd(new NumberRecord(number, "sms", DateTime.UtcNow.Date));
            }
        }

        return new SandboxPowerpack(record.Uuid.ToString("D"), record.PoolUuid.ToString("D"), name);
    }

    public PowerpackRecord? FindPowerpack(Guid uuid)
    {
        lock (_gate)
        {
            return _powerpacks.TryGetValue(uuid, out var record) ? record : null;
        }
    }

    /// <summary>Adds the number; null when the pool does not exist, false when the number is already in it.</summary>
    public (bool? Added, NumberRecord? Record) Add(Guid pool, string number, string service)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers))
            {
                return (null, null);
            }

            var record = new NumberRecord(number, service, DateTime.UtcNow.Date);
            return numbers.TryAdd(record) ? (true, record) : (false, null);
        }
    }

    public NumberRecord? Find(Guid pool, string number)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.Find(number) : null;
        }
    }

    /// <summary>One page of the pool and its total size; null when the pool does not exist.</summary>
    public (IReadOnlyList<NumberRecord> Page, int Total)? List(Guid pool, int limit, int offset)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(pool, out var numbers))
            {
                return null;
            }

            return (numbers.InOrder.Skip(offset).Take(limit).ToList(), numbers.InOrder.Count);
        }
    }

    public bool Remove(Guid pool, string number)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) && numbers.Remove(number);
        }
    }

    public IReadOnlyList<string> Numbers(Guid pool)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.InOrder.Select(n => n.Number).ToList() : Array.Empty<string>();
        }
    }

    /// <summary>A pool's numbers in the order they were added, indexed by number so add and find stay O(1) under load.</summary>
    private sealed class Pool
    {
        private readonly Dictionary<string, NumberRecord> _byNumber = new(StringComparer.Ordinal);

        public List<NumberRecord> InOrder { get; } = new();

        public bool TryAdd(NumberRecord record)
        {
            if (_byNumber.ContainsKey(record.Number))
            {
                return false;
            }

            _byNumber.Add(record.Number, record);
            InOrder.Add(record);
            return true;
        }

        public NumberRecord? Find(string number) => _byNumber.TryGetValue(number, out var record) ? record : null;

        public bool Remove(string number)
        {
            if (!_byNumber.TryGetValue(number, out var record))
            {
                return false;
            }

            _byNumber.Remove(number);
            InOrder.Remove(record);
            return true;
        }
    }
}

internal sealed record PowerpackRecord(Guid Uuid, Guid PoolUuid, string Name, DateTimeOffset CreatedOn);

internal sealed record NumberRecord(string Number, string Service, DateTime AddedOn);
