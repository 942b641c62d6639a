using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Plivo.Generated.Testing;

/// <summary>
/// The contract the sandbox serves: spec/plivo-numberpool.yaml, embedded in this assembly at build time, so that a
/// spec change reaches the sandbox with the next build. It gives the operations (operationId, method, path template),
/// the server's path prefix, and each operation's 200 schema and example.
/// </summary>
internal sealed class SandboxSpec
{
    private const string ResourceName = "plivo-numberpool.yaml";
    private static readonly Lazy<SandboxSpec> Embedded = new(Load);

    private SandboxSpec(OpenApiDocument document)
    {
        Document = document;
        var server = document.Servers.FirstOrDefault()?.Url ?? throw new InvalidDataException("The spec declares no server.");
        var host = server.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = server.IndexOf('/', host);
        ServerPath = slash < 0 ? string.Empty : server.Substring(slash).TrimEnd('/');
        Operations = document.Paths
            .SelectMany(path => path.Value.Select(method => new SpecOperation(
                method.Value.OperationId, method.Key.ToUpperInvariant(), path.Key, method.Value)))
            .ToList();
    }

    /// <summary>The spec this build of the sandbox embeds.</summary>
    public static SandboxSpec Current => Embedded.Value;

    public OpenApiDocument Document { get; }

    /// <summary>The server URL's path with its variables, e.g. <c>/v1/Account/{auth_id}</c>.</summary>
    public string ServerPath { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public SpecOperation Operation(string operationId) =>
        Operations.FirstOrDefault(o => o.Id == operationId) ?? throw new KeyNotFoundException($"The spec has no operation {operationId}.");

    /// <summary>A spec from its YAML text (the tests give the sandbox an edited spec this way).</summary>
    internal static SandboxSpec Parse(string yaml) => new(OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult());

    private static SandboxSpec Load()
    {
        using var stream = typeof(SandboxSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The sandbox assembly lacks its embedded spec ({ResourceName}).");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>One operation of the spec: its id, method and path template (relative to the server), its 200 answer.</summary>
internal sealed class SpecOperation
{
    private readonly Regex _pattern;
    private readonly string[] _parameters;

    public SpecOperation(string id, string method, string template, OpenApiOperation operation)
    {
        Id = id;
        Method = method;
        Template = template;
        Definition = operation;
        _parameters = Regex.Matches(template, @"\{([^}]+)\}").Cast<Match>().Select(m => m.Groups[1].Value).ToArray();
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{([^}]+)}", "([^/]+)");
        _pattern = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        if (operation.ActualResponses.TryGetValue("200", out var ok) && ok.Content.TryGetValue("application/json", out var json))
        {
            Schema = json.Schema?.ActualSchema;
            Example = json.Example is null ? null : SandboxJson.Typed(JToken.FromObject(json.Example), Schema);
        }
    }

    public string Id { get; }

    public string Method { get; }

    /// <summary>The path as the spec writes it, e.g. <c>/NumberPool/{number_pool_uuid}/Tollfree/</c>.</summary>
    public string Template { get; }

    public OpenApiOperation Definition { get; }

    /// <summary>The schema of the 200 answer, if any.</summary>
    public JsonSchema? Schema { get; }

    /// <summary>The example of the 200 answer, if any.</summary>
    public JToken? Example { get; }

    /// <summary>The path parameters (decoded) when <paramref name="path"/> (relative to the server) matches the template.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var match = _pattern.Match(path);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            values[_parameters[i]] = Uri.UnescapeDataString(match.Groups[i + 1].Value);
        }

        return values;
    }
}
