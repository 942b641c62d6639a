using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's data: Powerpacks and the toll-free numbers in their pools. Every member takes the one lock.</summary>
internal sealed class SandboxState
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, PowerpackRecord> _powerpacks = new();
    private readonly Dictionary<Guid, List<NumberRecord>> _pools = new();

    public SandboxPowerpack AddPowerpack(string name, IEnumerable<string> numbers)
    {
        var record = new PowerpackRecord(Guid.NewGuid(), Guid.NewGuid(), name, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _powerpacks.Add(record.Uuid, record);
            var pool = new List<NumberRecord>();
            _pools.Add(record.PoolUuid, pool);
            foreach (var number in numbers)
            {
                pool.Add(new NumberRecord(number, "sms", DateTime.UtcNow.Date));
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

    public bool PoolExists(Guid pool)
    {
        lock (_gate)
        {
            return _pools.ContainsKey(pool);
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

            if (numbers.Any(n => n.Number == number))
            {
                return (false, null);
            }

            var record = new NumberRecord(number, service, DateTime.UtcNow.Date);
            numbers.Add(record);
            return (true, record);
        }
    }

    public NumberRecord? Find(Guid pool, string number)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.FirstOrDefault(n => n.Number == number) : null;
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

            return (numbers.Skip(offset).Take(limit).ToList(), numbers.Count);
        }
    }

    public bool Remove(Guid pool, string number)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) && numbers.RemoveAll(n => n.Number == number) > 0;
        }
    }

    public IReadOnlyList<string> Numbers(Guid pool)
    {
        lock (_gate)
        {
            return _pools.TryGetValue(pool, out var numbers) ? numbers.Select(n => n.Number).ToList() : Array.Empty<string>();
        }
    }
}

internal sealed record PowerpackRecord(Guid Uuid, Guid PoolUuid, string Name, DateTimeOffset CreatedOn);

internal sealed record NumberRecord(string Number, string Service, DateTime AddedOn);
