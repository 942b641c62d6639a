using System.Collections.Generic;
using System.Threading;

namespace Plivo.Generated.Http;

/// <summary>
/// Where <see cref="PlivoApi.WithResponseAsync{T}"/> collects the answers to the calls made inside it: an ambient
/// (async-local) list, so that every call style and every generated client reports to it without a parameter of its
/// own, and nothing is collected outside it.
/// </summary>
internal sealed class ResponseCapture
{
    private static readonly AsyncLocal<ResponseCapture?> Ambient = new();
    private readonly List<PlivoResponseInfo> _calls = new();

    public static ResponseCapture? Current => Ambient.Value;

    public IReadOnlyList<PlivoResponseInfo> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>Makes a new capture the ambient one for the flow that calls this (and the flows it starts).</summary>
    public static ResponseCapture Begin()
    {
        var capture = new ResponseCapture();
        Ambient.Value = capture;
        return capture;
    }

    public void Add(PlivoResponseInfo call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }
}
