using System.Collections.Generic;

namespace Plivo.Generated.Testing;

/// <summary>The requests a sandbox received, the newest <see cref="PlivoSandboxOptions.MaxRecordedRequests"/> of them, each body cut to a bounded length.</summary>
internal sealed class SandboxRequestLog
{
    private readonly object _gate = new();
    private readonly Queue<SandboxRequest> _requests = new();
    private readonly int _maxRequests;

    public SandboxRequestLog(int maxRequests)
    {
        _maxRequests = maxRequests;
    }

    public void Add(SandboxRequest request)
    {
        lock (_gate)
        {
            if (_maxRequests == 0)
            {
                return;
            }

            while (_requests.Count >= _maxRequests)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
