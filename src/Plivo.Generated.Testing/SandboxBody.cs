using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plivo.Generated.Testing;

/// <summary>
/// A request's JSON body as a route reads it, leniently as Plivo does: no body, an object, booleans sent as JSON
/// booleans or as the strings <c>"true"</c>/<c>"false"</c> (what Plivo's SDKs send). A problem is Plivo's 400 text.
/// </summary>
internal sealed class SandboxBody
{
    private readonly JObject _json;

    private SandboxBody(JObject json)
    {
        _json = json;
    }

    /// <summary>The body, or the 400 text that refuses it: not JSON (also one that breaks off), or not an object.</summary>
    public static SandboxBody? Read(string? body, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return new SandboxBody(new JObject());
        }

        try
        {
            if (SandboxJson.Parse(body!) is JObject json)
            {
                return new SandboxBody(json);
            }

            problem = "the body must be a JSON object";
        }
        catch (JsonException)
        {
            problem = "the body is not valid JSON";
        }

        return null;
    }

    public bool Has(string name) => _json[name] is { Type: not JTokenType.Null };

    /// <summary>A boolean field: true/false or "true"/"false"; <paramref name="absent"/> when missing; false (with the problem) when it is anything else.</summary>
    public bool TryBool(string name, bool absent, out bool value, ref string? problem)
    {
        value = absent;
        if (_json[name] is not { } token || token.Type == JTokenType.Null)
        {
            return true;
        }

        if (token.Type == JTokenType.Boolean)
        {
            value = (bool)token;
            return true;
        }

        if (token.Type == JTokenType.String && (string?)token is "true" or "false")
        {
            value = (string?)token == "true";
            return true;
        }

        problem = $"{name} must be true or false";
        return false;
    }

    /// <summary>A string field, or null when missing; false (with the problem) when it is not a string or not one of <paramref name="allowed"/>.</summary>
    public bool TryString(string name, out string? value, ref string? problem, params string[] allowed)
    {
        value = null;
        if (_json[name] is not { } token || token.Type == JTokenType.Null)
        {
            return true;
        }

        if (token.Type != JTokenType.String || (allowed.Length > 0 && System.Array.IndexOf(allowed, (string?)token) < 0))
        {
            problem = allowed.Length > 0 ? $"{name} must be one of {string.Join(", ", allowed)}" : $"{name} must be a string";
            return false;
        }

        value = (string?)token;
        return true;
    }

    public JToken? Token(string name) => _json[name];
}
