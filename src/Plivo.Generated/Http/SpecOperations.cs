using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace Plivo.Generated.Http;

/// <summary>
/// The spec's operations (operationId, method, path template), read from the document NSwag generated the client
/// from (embedded at build time, <c>plivo-numberpool.json</c>), so that telemetry can name a call by its operation
/// and show its path template, never the numbers, uuids or Auth ID in the path. Read once, on first use.
/// </summary>
internal sealed class SpecOperations
{
    private const string ResourceName = "plivo-numberpool.json";
    private static readonly Lazy<SpecOperations> Embedded = new(Load);

    private readonly Dictionary<string, List<SpecOperation>> _byMethod;

    private SpecOperations(IEnumerable<SpecOperation> operations)
    {
        _byMethod = operations.GroupBy(o => o.Method, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public static SpecOperations Current => Embedded.Value;

    /// <summary>The operation a request is for: its method, and its path relative to the account (<c>NumberPool/&lt;uuid&gt;/Tollfree/&lt;n&gt;/</c>); null when none matches.</summary>
    public SpecOperation? Find(HttpMethod method, string relativePath)
    {
        if (!_byMethod.TryGetValue(method.Method, out var candidates))
        {
            return null;
        }

        var segments = Segments(relativePath);
        foreach (var operation in candidates)
        {
            if (operation.Matches(segments))
            {
                return operation;
            }
        }

        return null;
    }

    internal static SpecOperations Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var server = root.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0
                     && servers[0].TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString() ?? string.Empty
            : string.Empty;
        var host = server.IndexOf("://", StringComparison.Ordinal);
        var slash = host < 0 ? -1 : server.IndexOf('/', host + 3);
        var serverPath = slash < 0 ? string.Empty : server.Substring(slash).TrimEnd('/');
        var operations = new List<SpecOperation>();
        foreach (var path in Properties(root, "paths"))
        {
            // A path item holds its operations by method, and may hold its own "parameters" (an array) too.
            if (path.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Value.ValueKind == JsonValueKind.Object && method.Value.TryGetProperty("operationId", out var operationId)
                    && operationId.ValueKind == JsonValueKind.String && operationId.GetString() is { } id)
                {
                    operations.Add(new SpecOperation(id, method.Name.ToUpperInvariant(), serverPath, path.Name));
                }
            }
        }

        return new SpecOperations(operations);
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : Enumerable.Empty<JsonProperty>();

    internal static string[] Segments(string path)
    {
        var end = path.IndexOfAny(new[] { '?', '#' });
        return (end < 0 ? path : path.Substring(0, end)).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }

    private static SpecOperations Load()
    {
        using var stream = typeof(SpecOperations).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Plivo.Generated lacks its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>One operation of the spec: its id, method and path template under the server (<c>/v1/Account/{auth_id}/Powerpack/{powerpack_uuid}/</c>).</summary>
internal sealed class SpecOperation
{
    private readonly string[] _relativeSegments;

    public SpecOperation(string id, string method, string serverPath, string relativeTemplate)
    {
        Id = id;
        Method = method;
        Template = serverPath + relativeTemplate;
        _relativeSegments = SpecOperations.Segments(relativeTemplate);
    }

    public string Id { get; }

    public string Method { get; }

    /// <summary>The whole path template, server part included: what <c>url.template</c> shows.</summary>
    public string Template { get; }

    public bool Matches(string[] relativeSegments)
    {
        if (relativeSegments.Length != _relativeSegments.Length)
        {
            return false;
        }

        for (var i = 0; i < relativeSegments.Length; i++)
        {
            var want = _relativeSegments[i];
            if (!(want.Length > 1 && want[0] == '{' && want[want.Length - 1] == '}') && !string.Equals(want, relativeSegments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
