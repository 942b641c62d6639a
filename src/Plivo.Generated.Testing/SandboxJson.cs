using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
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

    /// <summary>JSON text as a tree, date-like strings left strings.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The property of <paramref name="modelType"/> written as <paramref name="jsonName"/>, or null.</summary>
    public static PropertyInfo? Property(Type modelType, string jsonName) =>
        modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);
}
