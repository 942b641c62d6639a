using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;

namespace Plivo.Generated.ContractTests;

/// <summary>
/// Calls every operation of the spec through its generated client (<c>api.GetClient&lt;I&lt;Tag&gt;Client&gt;()</c>,
/// method <c>&lt;Verb&gt;Async</c>) with arguments taken from the spec: each parameter's example (a uuid parameter
/// without one gets <see cref="Uuid"/>), optional query parameters left out, and the request body's first example. So a
/// new operation is exercised by the contract phases without a hand-written check.
/// </summary>
internal static class SpecCalls
{
    /// <summary>The uuid a uuid parameter without an example gets (the spec's Powerpack example).</summary>
    public const string Uuid = "d35f2e82-d387-427f-8594-6fa07613c43a";

    public static IEnumerable<(string Id, Func<Task> Call)> Every(string specPath, PlivoApi api)
    {
        var document = OpenApiYamlDocument.FromFileAsync(specPath).GetAwaiter().GetResult();
        foreach (var (_, item) in document.Paths)
        {
            foreach (var (_, operation) in item)
            {
                yield return (operation.OperationId, () => CallAsync(api, operation));
            }
        }
    }

    private static Task CallAsync(PlivoApi api, OpenApiOperation operation)
    {
        var parts = operation.OperationId.Split('_');
        var contract = typeof(PlivoApi).Assembly.GetType($"Plivo.Generated.I{parts[0]}Client")
            ?? throw new InvalidOperationException($"no generated client I{parts[0]}Client for {operation.OperationId}");
        var method = contract.GetMethod(parts[1] + "Async")
            ?? throw new InvalidOperationException($"no method {parts[1]}Async on I{parts[0]}Client for {operation.OperationId}");
        var client = api.GetClient(contract);
        var arguments = method.GetParameters().Select(p => Argument(p, operation)).ToArray();
        return (Task)method.Invoke(client, arguments)!;
    }

    private static object? Argument(ParameterInfo parameter, OpenApiOperation operation)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        var declared = operation.ActualParameters.FirstOrDefault(p => p.Kind != OpenApiParameterKind.Body && (string.IsNullOrEmpty(p.OriginalName) ? p.Name : p.OriginalName) == parameter.Name);
        if (declared is null)
        {
            // The request body: its first example, as the generated body type.
            var media = operation.ActualRequestBody?.Content.Values.FirstOrDefault();
            var example = media?.Example ?? media?.Examples?.Values.FirstOrDefault()?.Value;
            return example is null ? null : System.Text.Json.JsonSerializer.Deserialize(Testing.SandboxJson.Typed(JToken.FromObject(example), media!.Schema).ToString(Formatting.None), parameter.ParameterType, Testing.SandboxJson.Options);
        }

        if (!declared.IsRequired)
        {
            return null;
        }

        var value = declared.Example ?? declared.ActualSchema.Example;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(Guid))
        {
            return Guid.Parse(value?.ToString() ?? Uuid);
        }

        return value is null ? throw new InvalidOperationException($"{operation.OperationId}: the required parameter {declared.Name} has no example") : Convert.ChangeType(value.ToString(), type, System.Globalization.CultureInfo.InvariantCulture);
    }
}
