using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plivo.Generated.Http;

/// <summary>
/// Reads a JSON number or true/false where the spec declares a string, as its text: Plivo sends some fields the spec
/// types as strings as numbers (<c>"application_id": 20342783288007824</c>), and a client that failed the whole answer
/// for it would be worse than one that keeps the digits. Strings are read and written as System.Text.Json does.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    /// <summary>The one instance every settings object takes, so that System.Text.Json can share its type metadata between them.</summary>
    public static readonly LenientStringConverter Instance = new();

    private LenientStringConverter()
    {
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Text(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"Expected a string, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // The number exactly as written (no round trip through a double: 20342783288007824 stays itself).
    private static string Text(ref Utf8JsonReader reader)
    {
        using var number = JsonDocument.ParseValue(ref reader);
        return number.RootElement.GetRawText();
    }
}
