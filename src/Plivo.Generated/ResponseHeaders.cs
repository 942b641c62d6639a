using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace Plivo.Generated;

/// <summary>
/// The headers of an answer as the generated code passes them on (to exceptions), copied into a dictionary only when
/// read. NSwag's code copied, and so parsed, every header of every answer, success or not; only a failure needs them,
/// and <see cref="PlivoRestException"/> takes its copy at once, while the answer is still alive. Found with the
/// benchmarks (docs/benchmarks.md); used by spec/templates/Client.Class.liquid.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseMessage _response;
    private Dictionary<string, IEnumerable<string>>? _copy;

    public ResponseHeaders(HttpResponseMessage response)
    {
        _response = response;
    }

    /// <summary>The copy NSwag made: the answer's headers, then its content headers (a later one wins).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Snapshot() => Copy;

    private Dictionary<string, IEnumerable<string>> Copy
    {
        get
        {
            if (_copy is null)
            {
                var copy = new Dictionary<string, IEnumerable<string>>();
                foreach (var item in _response.Headers)
                {
                    copy[item.Key] = item.Value;
                }

                if (_response.Content?.Headers is { } contentHeaders)
                {
                    foreach (var item in contentHeaders)
                    {
                        copy[item.Key] = item.Value;
                    }
                }

                Interlocked.CompareExchange(ref _copy, copy, null);
            }

            return _copy!;
        }
    }

    public IEnumerable<string> this[string key] => Copy[key];

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public int Count => Copy.Count;

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, out IEnumerable<string> value) => Copy.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
