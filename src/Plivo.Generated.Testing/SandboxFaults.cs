using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The faults a sandbox injects, oldest first; the first that matches a request and fires is the one it gets, and a fault with <see cref="SandboxFault.Times"/> is gone once spent.</summary>
internal sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly List<SandboxFault> _faults = new();
    private readonly Random _random;

    public SandboxFaults(Random? random = null)
    {
        _random = random ?? new Random();
    }

    /// <summary>Adds a copy of <paramref name="fault"/> after checking it.</summary>
    /// <exception cref="ArgumentException">The fault is malformed.</exception>
    public SandboxFault Add(SandboxFault fault)
    {
        var copy = (fault ?? throw new ArgumentNullException(nameof(fault))).Clone();
        copy.Validate();
        lock (_gate)
        {
            _faults.Add(copy);
        }

        return copy.Clone();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The faults still active, with the times each has left.</summary>
    public IReadOnlyList<SandboxFault> Snapshot()
    {
        lock (_gate)
        {
            return _faults.Select(f => f.Clone()).ToList();
        }
    }

    /// <summary>The fault this request gets, spending one of its times; null when none matches or fires.</summary>
    public SandboxFault? Take(string? operationId, string method, string path, string? accountRelativePath)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if (!fault.Matches(operationId, method, path, accountRelativePath) || (fault.Probability is { } p && _random.NextDouble() >= p))
                {
                    continue;
                }

                if (fault.Times is { } times)
                {
                    if (times <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        fault.Times = times - 1;
                    }
                }

                return fault.Clone();
            }

            return null;
        }
    }
}
