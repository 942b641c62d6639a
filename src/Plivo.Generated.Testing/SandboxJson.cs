using System;
using System.IO;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// Between the generated models (System.Text.Json, with the client's own settings) and the JSON trees the sandbox
/// completes, checks and stores (Json.NET's, the type NJsonSchema validates): a model is written as the client would
/// write it, and a tree is read as the client would read it.
/// </summary>
internal static class SandboxJson
{
    /// <summary>The client's settings (<see cref="PlivoPipeline.ConfigureJsonSerializerSettings"/>).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = PlivoPipeline.ConfigureJsonSerializerSettings(new System.Text.Json.JsonSerializerOptions());

    /// <summary>A model as a tree, its strings (dates too) kept as written.</summary>
    public static JToken FromModel(object model) => Parse(System.Text.Json.JsonSerializer.Serialize(model, model.GetType(), Options));

    /// <summary>A tree read as a model of type <typeparamref name="T"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The tree does not fit the model.</exception>
    public static T? ToModel<T>(JToken json) => System.Text.Json.JsonSerializer.Deserialize<T>(json.ToString(Formatting.None), Options);

    /// <summary>JSON text as a tree, date-like strings left strings (a name may look like a date).</summary>
    /// <exception cref="JsonReaderException">The text is not one JSON document: broken off, or followed by more text.</exception>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var root = JToken.ReadFrom(reader);
        reader.Read(); // throws on anything after the document
        return root;
    }

    /// <summary>
    /// A spec example with its scalars typed as its schema says: the YAML reader gives every scalar as text
    /// (<c>"false"</c>, <c>"20"</c>), which a client that reads JSON strictly would refuse for a boolean.
    /// </summary>
    public static JToken Typed(JToken example, NJsonSchema.JsonSchema? schema)
    {
        schema = schema?.ActualSchema;
        if (schema is null)
        {
            return example;
        }

        switch (example)
        {
            case JObject json:
                foreach (var property in json.Properties().ToList())
                {
                    property.Value = Typed(property.Value, schema.ActualProperties.TryGetValue(property.Name, out var declared) ? declared : null);
                }

                return json;
            case JArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    items[i] = Typed(items[i], schema.Item);
                }

                return items;
            case JValue { Type: JTokenType.String } text:
                var value = (string)text!;
                // A oneOf/anyOf of a boolean and its text ("false") reads as the boolean, as the generated model does.
                var type = schema.OneOf.Concat(schema.AnyOf).Aggregate(schema.Type, (all, branch) => all | branch.ActualSchema.Type);
                if (type.HasFlag(NJsonSchema.JsonObjectType.Boolean) && bool.TryParse(value, out var flag))
                {
                    return new JValue(flag);
                }

                if (type.HasFlag(NJsonSchema.JsonObjectType.Integer) && long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer))
                {
                    return new JValue(integer);
                }

                if (type.HasFlag(NJsonSchema.JsonObjectType.Number) && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return new JValue(number);
                }

                return text;
            default:
                return example;
        }
    }

    /// <summary>
    /// The type of <paramref name="modelType"/>'s property written as <paramref name="jsonName"/>, or null: from the
    /// client's own contract for the type (System.Text.Json builds it once per type and keeps it).
    /// </summary>
    public static Type? PropertyType(Type modelType, string jsonName)
    {
        var contract = Options.GetTypeInfo(modelType);
        if (contract.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        foreach (var property in contract.Properties)
        {
            if (property.Name == jsonName)
            {
                return property.PropertyType;
            }
        }

        return null;
    }
}
