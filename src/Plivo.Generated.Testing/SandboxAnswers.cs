using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Plivo.Generated.Testing;

/// <summary>
/// Builds the sandbox's answers from the generated models, serialised with the client's own JSON settings, and then
/// completes them from the spec: a property the schema declares that the handler did not set takes its value from the
/// operation's example (or the property's own example), else a default of its type. So a field added to a schema
/// appears in the sandbox's answers with no hand-written edit.
/// </summary>
internal static class SandboxAnswers
{
    /// <summary>A 200 answer of <paramref name="operation"/> holding <paramref name="model"/>, completed from the spec.</summary>
    public static SandboxAnswer Ok(SpecOperation operation, object model)
    {
        var json = SandboxJson.FromModel(model);
        if (operation.Schema is { } schema)
        {
            Complete(json, model.GetType(), schema, operation.Example);
        }

        return new SandboxAnswer(200, json.ToString(Formatting.None));
    }

    /// <summary>Plivo's error answer: <c>{"api_id": ..., "error": ...}</c>.</summary>
    public static SandboxAnswer Error(int status, string error) =>
        new(status, SandboxJson.FromModel(new PlivoError { ApiId = NewApiId(), Error = error }).ToString(Formatting.None));

    public static string NewApiId() => Guid.NewGuid().ToString("D");

    private static void Complete(JToken json, Type? modelType, JsonSchema schema, JToken? example)
    {
        schema = schema.ActualSchema;
        if (json is JArray items && schema.Item is { } itemSchema)
        {
            var itemType = ElementType(modelType);
            var itemExample = example is JArray { Count: > 0 } examples ? examples[0] : null;
            foreach (var item in items)
            {
                Complete(item, itemType, itemSchema, itemExample);
            }

            return;
        }

        if (json is not JObject target)
        {
            return;
        }

        foreach (var property in schema.ActualProperties)
        {
            var name = property.Key;
            var propertySchema = property.Value.ActualSchema;
            var declaredType = modelType is null ? null : SandboxJson.PropertyType(modelType, name);
            var propertyExample = example is JObject exampleObject ? exampleObject[name] : null;
            if (target[name] is { } present)
            {
                Complete(present, declaredType, propertySchema, propertyExample);
                continue;
            }

            // The handler left a known nullable property null: say so, as Plivo does ("next": null).
            if (declaredType is not null && property.Value.IsNullable(SchemaType.OpenApi3))
            {
                target[name] = JValue.CreateNull();
                continue;
            }

            var value = propertyExample?.DeepClone()
                ?? (property.Value.Example is { } own ? SandboxJson.Typed(JToken.FromObject(own), propertySchema) : null)
                ?? Default(propertySchema);
            Complete(value, declaredType, propertySchema, propertyExample);
            target[name] = value;
        }
    }

    private static JToken Default(JsonSchema schema)
    {
        if (schema.Enumeration.Count > 0)
        {
            return JToken.FromObject(schema.Enumeration.First()!);
        }

        var type = schema.Type;
        if (type.HasFlag(JsonObjectType.Object))
        {
            return new JObject();
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            return new JArray();
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            return false;
        }

        if (type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number))
        {
            return 0;
        }

        return string.Empty;
    }

    private static Type? ElementType(Type? collection)
    {
        if (collection is null)
        {
            return null;
        }

        if (collection.IsArray)
        {
            return collection.GetElementType();
        }

        return collection.GetInterfaces().Append(collection)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}

/// <summary>A status and a body (JSON unless a fault says otherwise), and what a fault adds: a Retry-After, a delay, a closed connection.</summary>
internal sealed record SandboxAnswer(int StatusCode, string Json)
{
    public string ContentType { get; init; } = "application/json";

    public int? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection instead of answering.</summary>
    public bool Close { get; init; }
}
